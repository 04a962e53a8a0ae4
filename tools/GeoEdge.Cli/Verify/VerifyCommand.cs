using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GeoEdge.Ear;

namespace GeoEdge.Cli.Verify;

/// <summary>
/// `geoedge verify`: checks a GeoEdge attestation result offline, with nothing but the bridge's public keys
/// (and, when given, the result's transparency-log proof and RFC 3161 timestamp): the ES256 signature, the
/// validity period, the EAR claims, inclusion in the log under a signed tree head, the timestamp over it.
/// Each check says what held or why it failed; nothing is taken from the result before its signature held.
/// </summary>
public static class VerifyCommand
{
    public const string Usage = """
        usage: ./geoedge verify EAR.jwt --keys BRIDGE_KEYS [--proof PROOF.json] [--timestamp TIMESTAMP.json --tsa-ca CA.pem]
                                [--at TIME] [--skew SECONDS] [--json]

          EAR.jwt      the result as the bridge issued it (compact JWS, as in the result message's "ear")
          --keys       the bridge's JWK Set (GET /v1/keys), saved to a file
          --proof      the result's inclusion proof with its signed tree head (POST /v1/log/proof), checked
                       against the same keys
          --timestamp  the result's "earTimestamp" saved as JSON (an RFC 3161 token over a log tree head and the
                       EAR's path into that tree), checked against --tsa-ca; a bare DER token over SHA-256 of
                       the EAR (bridges before tree-head stamping) is accepted too
          --at         verify as of this time (ISO 8601; default now), e.g. to check a result when it was used
          --skew       clock skew allowed on iat/exp (default 60)
          --json       one JSON document instead of lines
        Exit status: 0 every check held, 1 a check failed (the output says which and why), 2 unusable arguments
        or files.
        """;

    private const int MaxInputBytes = 1 << 20;

    public static int Run(string[] args)
    {
        var options = VerifyOptions.Parse(args);
        var jwt = ReadText(options.EarPath, "EAR").Trim();
        Jwks keys;
        try
        {
            keys = Jwks.Parse(ReadText(options.KeysPath, "--keys"));
        }
        catch (JwksException e)
        {
            throw new ArgumentException($"--keys {options.KeysPath}: not a usable JWK Set: {e.Message}");
        }

        var report = new VerificationReport();
        var ear = CheckEar(jwt, keys, options, report);
        if (ear is not null) Describe(ear, report);
        foreach (var extra in ExtraChecks) extra(jwt, ear, options, keys, report);
        report.Print(options.Json);
        return report.AllHeld ? 0 : 1;
    }

    /// <summary>Checks run after the EAR's own (log inclusion, timestamp), each skipping itself when not asked for.</summary>
    private static readonly Action<string, GeoEdge.Ear.Ear?, VerifyOptions, Jwks, VerificationReport>[] ExtraChecks =
    [
        (jwt, _, options, keys, report) => ProvenanceChecks.LogInclusion(jwt, options, keys, report),
        (jwt, _, options, _, report) => ProvenanceChecks.Timestamp(jwt, options, report),
    ];

    /// <summary>Signature, then validity period; the claims are read only once the signature held.</summary>
    private static GeoEdge.Ear.Ear? CheckEar(string jwt, Jwks keys, VerifyOptions options, VerificationReport report)
    {
        var verification = EarJwt.Verify(jwt, keys, options.At, options.Skew);
        if (verification.IsValid)
        {
            var ear = verification.Ear!;
            report.Held("signature", $"ES256, by the bridge key '{verification.VerifiedWithKid}'");
            report.Held("validity", Validity(ear, options.At));
            return ear;
        }
        var failure = verification.Failure!;
        if (failure.Kind is not (EarFailureKind.Expired or EarFailureKind.NotYetValid))
        {
            report.Failed(failure.Kind is EarFailureKind.MissingClaim or EarFailureKind.Malformed ? "claims" : "signature", failure.Reason);
            return null;
        }
        // The signature held (EarJwt checks times last), so the claims are authentic: show them beside the refusal.
        report.Held("signature", "ES256, by a key of the given set");
        report.Failed("validity", failure.Reason);
        return EarClaimsReader.Read(Encoding.UTF8.GetBytes(Base64UrlPayload(jwt)));
    }

    private static string Base64UrlPayload(string jwt) =>
        Base64UrlStrict.TryDecode(jwt.Split('.')[1], out var payload) ? Encoding.UTF8.GetString(payload) : "";

    private static string Validity(GeoEdge.Ear.Ear ear, DateTimeOffset at) =>
        ear.ExpiresAt is { } exp
            ? Invariant($"issued {ear.IssuedAt:O}, valid until {exp:O} ({(exp - at).TotalSeconds:0} s left at {at:O})")
            : Invariant($"issued {ear.IssuedAt:O}, no expiry (exp absent)");

    /// <summary>What the verified result says: statuses, and the location submodule's geographic claims.</summary>
    private static void Describe(GeoEdge.Ear.Ear ear, VerificationReport report)
    {
        report.Claim("ear_status", ear.OverallStatus.ToClaimValue());
        foreach (var (name, value) in ear.ExtraClaims.Where(c => c.Key.StartsWith("geoedge.", StringComparison.Ordinal)))
            report.Claim(name, JsonNode.Parse(value.GetRawText()));
        foreach (var (label, submodule) in ear.Submodules)
        {
            report.Claim($"submods.{label}.ear_status", submodule.Status.ToClaimValue());
            foreach (var (name, value) in submodule.Extensions.Where(e => IsShown(e.Key)))
                report.Claim($"submods.{label}.{name}", JsonNode.Parse(value.GetRawText()));
        }
    }

    private static bool IsShown(string claim) =>
        claim.StartsWith("grc.", StringComparison.Ordinal) || claim is "ear.geographic-result-claims" or "geoedge.reasons" or "geoedge.policy" or "geoedge.geofence";

    private static string ReadText(string path, string what) => Encoding.UTF8.GetString(VerifyInputs.Read(path, what, MaxInputBytes));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
