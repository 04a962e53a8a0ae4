using System.Text;
using System.Text.Json;
using GeoEdge.Hil.Rig.Composition;
using GeoEdge.Hil.Rig.Processes;
using GeoEdge.Wire;
using Xunit.Abstractions;

namespace GeoEdge.Hil.Tests;

/// <summary>
/// Every result the rig's bridge issues is in its transparency log and time-stamped by the rig's openssl TSA, and
/// `geoedge verify` checks all of it offline with the bridge's keys alone; an EAR tampered with, expired, or not
/// the one the log holds fails, naming the check and the reason.
/// </summary>
public sealed class ResultProvenanceTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_result_verifies_offline_and_a_tampered_expired_or_unlogged_one_fails_naming_why()
    {
        await using var rig = await RigFixture.StartAsync(output);
        rig.StartAgent();
        var results = await rig.ResultsAsync(2, output);
        var (first, second) = (results[0], results[1]);
        Assert.True(first.LogIndex is not null && second.LogIndex > first.LogIndex, $"log indexes {first.LogIndex}, {second.LogIndex}");
        Assert.NotNull(first.EarTimestamp);

        var dir = rig.Directory.Sub("verify");
        string Save(string name, string text) { var path = Path.Combine(dir, name); File.WriteAllText(path, text); return path; }
        var keys = Save("keys.json", (await rig.Bridge.GetJsonAsync("/v1/keys")).GetRawText());
        var proof = Save("proof.json", await ProofAsync(rig, first.Ear, expected: 200));
        var ear = Save("first.jwt", first.Ear);
        // The evidence as a relying party saves it from the result message: its "earTimestamp" member.
        var stamp = Save("first-timestamp.json", JsonSerializer.Serialize(first.EarTimestamp, WireJsonContext.Default.TimestampEvidence));
        string[] Provenance(string jwt) => [jwt, "--keys", keys, "--proof", proof, "--timestamp", stamp, "--tsa-ca", rig.Tsa!.CaCertificatePath, "--json"];

        var genuine = await GeoEdgeCli.RunAsync("verify", Provenance(ear));
        Assert.True(genuine.ExitCode == 0, genuine.Stdout + genuine.Stderr);
        Assert.Equal(["signature", "validity", "log-inclusion", "timestamp"], Checks(genuine).Select(c => c.Check));
        Assert.Equal("edge-01", genuine.Json.GetProperty("claims").GetProperty("geoedge.host").GetString());

        var parts = first.Ear.Split('.');
        var payload = Encoding.UTF8.GetString(Convert.FromBase64String(Pad(parts[1])));
        var tampered = Save("tampered.jwt", $"{parts[0]}.{Base64Url(payload.Replace("\"edge-01\"", "\"edge-02\""))}.{parts[2]}");
        AssertFailed(await GeoEdgeCli.RunAsync("verify", Provenance(tampered)), "signature", "does not verify");

        var later = DateTimeOffset.UtcNow.AddDays(2).ToString("O");
        AssertFailed(await GeoEdgeCli.RunAsync("verify", [.. Provenance(ear), "--at", later]), "validity", "expired at");

        // The second result is genuine, but the proof and the timestamp are the first one's: neither is about it.
        var other = Save("second.jwt", second.Ear);
        var unlogged = await GeoEdgeCli.RunAsync("verify", Provenance(other));
        AssertFailed(unlogged, "log-inclusion", "wrong-leaf");
        AssertFailed(unlogged, "timestamp", "imprint-mismatch");

        // An EAR the bridge never issued has no proof to give.
        await ProofAsync(rig, $"{parts[0]}.{parts[1]}.{parts[2][..^4]}AAAA", expected: 404);
    }

    private static async Task<string> ProofAsync(GeoEdgeRig rig, string ear, int expected)
    {
        using var response = await rig.Bridge.Http.PostAsync("/v1/log/proof", new StringContent(ear, Encoding.ASCII, "text/plain"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expected, $"POST /v1/log/proof: {(int)response.StatusCode} {body}");
        return body;
    }

    private static List<(string Check, bool Held, string Detail)> Checks(CliRun run) =>
        [.. run.Json.GetProperty("checks").EnumerateArray()
            .Select(c => (c.GetProperty("check").GetString()!, c.GetProperty("held").GetBoolean(), c.GetProperty("detail").GetString()!))];

    private static void AssertFailed(CliRun run, string check, string reason)
    {
        Assert.True(run.ExitCode == 1, $"exit {run.ExitCode}: {run.Stdout}{run.Stderr}");
        Assert.False(run.Json.GetProperty("valid").GetBoolean());
        var failed = Checks(run).Single(c => c.Check == check);
        Assert.False(failed.Held, $"{check} held: {failed.Detail}");
        Assert.Contains(reason, failed.Detail);
    }

    private static string Pad(string base64Url)
    {
        var s = base64Url.Replace('-', '+').Replace('_', '/');
        return s.PadRight(s.Length + (4 - s.Length % 4) % 4, '=');
    }

    private static string Base64Url(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
