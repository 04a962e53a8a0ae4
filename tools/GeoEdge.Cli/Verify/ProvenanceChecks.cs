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
/// a tree head the bridge signed, and that a TSA time-stamped a log tree head holding exactly this EAR. Both hash the EAR's ASCII bytes
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
        var token = VerifyInputs.Read(options.TimestampPath, "--timestamp", Math.Max(TimestampVerifier.MaxTokenBytes, TimestampedInclusion.MaxDocumentBytes));
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
        var ear = Encoding.ASCII.GetBytes(jwt);
        try
        {
            var (stamped, covers) = IsJsonObject(token) ? VerifyTreeHeadStamp(token, ear, cas) : (TimestampVerifier.Verify(token, ear, cas), "SHA-256 of this EAR");
            report.Held("timestamp", string.Create(CultureInfo.InvariantCulture,
                $"RFC 3161 token over {covers}, genTime {stamped.GenTime:O}, by '{stamped.TsaSubject}' (serial {stamped.SerialNumber})"));
        }
        catch (TimestampException e)
        {
            report.Failed("timestamp", $"{Kebab(e.Reason.ToString())}: {e.Message}");
        }
        catch (TransparencyFormatException e)
        {
            report.Failed("timestamp", $"malformed-evidence: {e.Message}");
        }
    }

    /// <summary>
    /// The evidence a bridge puts in a result (earTimestamp, saved as JSON): the EAR's path leads to the root of the
    /// stamped tree, and the token must cover that tree head. A path for another EAR leads elsewhere: imprint-mismatch.
    /// </summary>
    private static (VerifiedTimestamp Stamped, string Covers) VerifyTreeHeadStamp(byte[] json, byte[] ear, X509Certificate2Collection cas)
    {
        var evidence = TimestampedInclusion.Parse(json);
        var walk = evidence.StampedDataFor(ear, out var stampedData);
        if (walk != InclusionCheck.Valid)
            throw new TransparencyFormatException("inclusionPath", $"not a path for leaf {evidence.LeafIndex} of a tree of {evidence.TreeSize} ({walk})");
        var stamped = TimestampVerifier.Verify(evidence.Token, stampedData, cas);
        return (stamped, $"the log's tree head of {evidence.TreeSize} entries, which holds this EAR at {evidence.LeafIndex}");
    }

    /// <summary>Evidence is a JSON object; a bare DER token (from bridges before tree-head stamping) starts with a SEQUENCE tag.</summary>
    private static bool IsJsonObject(byte[] input) => input.SkipWhile(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n').FirstOrDefault() == (byte)'{';

    /// <summary>PathDoesNotReachRoot as path-does-not-reach-root: the codes people and scripts match on.</summary>
    private static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
