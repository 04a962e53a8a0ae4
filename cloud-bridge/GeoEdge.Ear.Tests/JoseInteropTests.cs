using System.Diagnostics;
using System.Text.Json;
using GeoEdge.Hil.Rig.Composition;
using GeoEdge.Hil.Rig.Processes;

namespace GeoEdge.Ear.Tests;

/// <summary>
/// The npm `jose` library (tools/jose-verifier, installed by scripts/install-deps.sh with its lockfile's
/// integrity) verifies our EARs against our JWK Set: a relying party in JavaScript can check them without us.
/// It must also refuse what we refuse: a changed payload, an expired token, a key it was not given.
/// </summary>
public sealed class JoseInteropTests : IDisposable
{
    private readonly RigDirectory _rig = new("ear-jose");

    public void Dispose() => _rig.Dispose();

    private static string VerifierDirectory => Path.Combine(RepoPaths.Root, "tools", "jose-verifier");

    private (int ExitCode, JsonElement Answer) Jose(string jwt, Jwks keys)
    {
        Assert.True(Directory.Exists(Path.Combine(VerifierDirectory, "node_modules", "jose")),
            "tools/jose-verifier/node_modules/jose is missing: run scripts/install-deps.sh (it runs npm ci there)");
        var jwtPath = Path.Combine(_rig.Path, "ear.jwt");
        var jwksPath = Path.Combine(_rig.Path, "keys.json");
        File.WriteAllText(jwtPath, jwt);
        File.WriteAllText(jwksPath, keys.ToJson());
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Path.Combine(VerifierDirectory, "verify-ear.mjs"), jwtPath, jwksPath }) start.ArgumentList.Add(argument);
        using var node = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        var stderr = node.StandardError.ReadToEndAsync();
        var printed = node.StandardOutput.ReadToEnd().Trim();
        Assert.True(node.WaitForExit(TimeSpan.FromSeconds(30)), "node did not finish within 30 s");
        Assert.True(printed.Length > 0, $"node printed nothing (exit {node.ExitCode}): {stderr.Result}");
        using var answer = JsonDocument.Parse(printed);
        return (node.ExitCode, answer.RootElement.Clone());
    }

    [Fact]
    public void Jose_verifies_a_signed_EAR_and_reads_the_same_claims()
    {
        using var key = EarSigningKey.Generate();
        var expires = DateTimeOffset.UtcNow.AddMinutes(10);
        var ear = Samples.PlatformAndLocation(expires, DateTimeOffset.UtcNow.AddSeconds(-5));

        var (exit, answer) = Jose(EarJwt.Sign(ear, key), new Jwks([key.PublicKey]));

        Assert.True(exit == 0, answer.ToString());
        Assert.Equal(key.Kid, answer.GetProperty("kid").GetString());
        var payload = answer.GetProperty("payload");
        Assert.Equal(ear.Profile, payload.GetProperty("eat_profile").GetString());
        Assert.Equal(expires.ToUnixTimeSeconds(), payload.GetProperty("exp").GetInt64());
        Assert.True(payload.GetProperty("submods").EnumerateObject().Any());
    }

    [Fact]
    public void Jose_refuses_a_changed_payload_an_expired_EAR_and_an_unknown_key()
    {
        using var key = EarSigningKey.Generate();
        using var other = EarSigningKey.Generate();
        var live = Samples.PlatformAndLocation(DateTimeOffset.UtcNow.AddMinutes(10), DateTimeOffset.UtcNow.AddSeconds(-5));
        var parts = JwtTestKit.Parts(EarJwt.Sign(live, key));
        var forged = $"{parts[0]}.{JwtTestKit.Encode(JwtTestKit.Json(parts[1]).Replace("affirming", "warning"))}.{parts[2]}";
        var expired = EarJwt.Sign(Samples.PlatformAndLocation(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(-10)), key);

        Assert.Equal((1, "ERR_JWS_SIGNATURE_VERIFICATION_FAILED"), Code(Jose(forged, new Jwks([key.PublicKey]))));
        Assert.Equal((1, "ERR_JWT_EXPIRED"), Code(Jose(expired, new Jwks([key.PublicKey]))));
        Assert.Equal((1, "ERR_JWKS_NO_MATCHING_KEY"), Code(Jose(EarJwt.Sign(live, key), new Jwks([other.PublicKey]))));
    }

    private static (int, string?) Code((int ExitCode, JsonElement Answer) run) =>
        (run.ExitCode, run.Answer.GetProperty("code").GetString());
}
