using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using GeoEdge.Ear;
using GeoEdge.Timestamping;
using GeoEdge.Transparency;

namespace GeoEdge.Cli.Verify;

/// <summary>
/// The checks of `geoedge verify` beyond the EAR itself: that the transparency log holds exactly this EAR under
/// a tree head the bridge signed, and that a TSA time-stamped exactly this EAR. Both hash the EAR's ASCII bytes
/// as issued, so a result changed after issuance fails here even if its signature were somehow re-made.
/// </summary>
internal static class ProvenanceChecks
{
    private const int MaxProofBytes = 64 * 1024;

    public static void LogInclusion(string jwt, VerifyOptions options, Jwks keys, VerificationReport report)
    {
        if (options.ProofPath is null) return;
        var proof = VerifyInputs.Read(options.ProofPath, "--proof", MaxProofBytes);
        var verification = InclusionVerifier.Verify(Encoding.ASCII.GetBytes(jwt), proof, keys);
        if (verification.IsValid) report.Held("log-inclusion", verification.Detail);
        else report.Failed("log-inclusion", $"{Kebab(verification.Failure.ToString())}: {verification.Detail}");
    }

    public static void Timestamp(string jwt, VerifyOptions options, VerificationReport report)
    {
        if (options.TimestampPath is null || options.TsaCaPath is null) return;
        var token = VerifyInputs.Read(options.TimestampPath, "--timestamp", TimestampVerifier.MaxTokenBytes);
        var cas = new X509Certificate2Collection();
        try
        {
            cas.ImportFromPemFile(options.TsaCaPath);
        }
        catch (Exception e) when (e is CryptographicException or IOException)
        {
            throw new ArgumentException($"--tsa-ca {options.TsaCaPath}: not a PEM certificate file: {e.Message}");
        }
        if (cas.Count == 0) throw new ArgumentException($"--tsa-ca {options.TsaCaPath}: holds no certificate");
        try
        {
            var stamped = TimestampVerifier.Verify(token, Encoding.ASCII.GetBytes(jwt), cas);
            report.Held("timestamp", string.Create(CultureInfo.InvariantCulture,
                $"RFC 3161 token over SHA-256 of this EAR, genTime {stamped.GenTime:O}, by '{stamped.TsaSubject}' (serial {stamped.SerialNumber})"));
        }
        catch (TimestampException e)
        {
            report.Failed("timestamp", $"{Kebab(e.Reason.ToString())}: {e.Message}");
        }
    }


    /// <summary>PathDoesNotReachRoot as path-does-not-reach-root: the codes people and scripts match on.</summary>
    private static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
