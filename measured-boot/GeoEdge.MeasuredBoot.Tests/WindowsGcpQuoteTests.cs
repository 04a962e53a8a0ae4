using System.Security.Cryptography;
using GeoEdge.Wire.Tpm2;

namespace GeoEdge.MeasuredBoot.Tests;

/// <summary>
/// The Windows GCP Shielded VM attestation end to end: the AK signed the quote, and the SHA1-format event log
/// replays to exactly the 24 SHA-1 PCRs the quote's pcrDigest covers.
/// </summary>
public sealed class WindowsGcpQuoteTests
{
    private static readonly System.Text.Json.JsonElement Json = LogFiles.WindowsGcpJson();

    [Fact]
    public void Quote_verifies_and_its_event_log_replays_to_the_quoted_pcrs()
    {
        var ak = TpmPublic.Parse(Json.GetProperty("AK").GetProperty("Public").GetBytesFromBase64());
        var quote = TpmsAttest.Parse(Json.GetProperty("Quote").GetProperty("Quote").GetBytesFromBase64());
        var signature = TpmSignature.Parse(Json.GetProperty("Quote").GetProperty("Signature").GetBytesFromBase64());
        Assert.True(signature.Verify(ak, quote.Marshalled));
        var selection = Assert.Single(quote.Quote!.PcrSelect.Banks);
        Assert.Equal(TpmAlgId.Sha1, selection.Hash);

        var pcrs = LoggedPcrs();
        var log = LogFiles.Parse(LogFiles.WindowsGcp);
        var verification = EventLogVerification.Verify(log, TpmHashAlgorithm.Sha1, pcrs);
        Assert.True(verification.Matches, string.Join("; ", verification.Mismatches));
        Assert.False(verification.ExitBootServicesWorkaround);
        Assert.Equal(Enumerable.Range(0, 24), selection.Indices);
        Assert.Equal(Enumerable.Range(0, 24), pcrs.Keys.Order());

        // The replayed values, not just the JSON's, hash to the quoted digest (with the AK's signing hash).
        var replayed = EventLogVerificationTests.AllPcrs(log, TpmHashAlgorithm.Sha1);
        var digest = PcrDigest.Compute(signature.Hash, quote.Quote.PcrSelect, (_, index) => replayed[index]);
        Assert.Equal(quote.Quote.PcrDigest, digest);
        Assert.Equal("a610f27bc687ce906243287d832706036e79f6e1", Convert.ToHexStringLower(digest));
        Assert.Equal(SHA1.HashData(Enumerable.Range(0, 24).SelectMany(i => replayed[i]).ToArray()), digest);
        Assert.True(SecureBoot.Read(log, TpmHashAlgorithm.Sha1).Enabled);
    }

    [Fact]
    public void A_tampered_log_no_longer_verifies_against_the_quoted_pcrs()
    {
        var bytes = LogFiles.Bytes(LogFiles.WindowsGcp);
        var log = TcgEventLog.Parse(bytes);
        var lastPcr7 = log.Events.Last(e => e.Pcr == 7 && e.IsExtended).Index;
        var tampered = TcgEventLog.Parse(LogEditing.WithoutEvents(bytes, lastPcr7));

        var mismatch = Assert.Single(EventLogVerification.Verify(tampered, TpmHashAlgorithm.Sha1, LoggedPcrs()).Mismatches);
        Assert.Equal(7, mismatch.Pcr);
    }

    private static Dictionary<int, byte[]> LoggedPcrs() =>
        Json.GetProperty("Log").GetProperty("PCRs").EnumerateArray()
            .Where(p => p.GetProperty("DigestAlg").GetInt32() == 3) // Go's crypto.SHA1
            .ToDictionary(p => p.GetProperty("Index").GetInt32(), p => p.GetProperty("Digest").GetBytesFromBase64());
}
