using GeoEdge.Bridge.Freshness;
using GeoEdge.Bridge.Store;
using GeoEdge.Wire;
using GeoEdge.Wire.Messages;
using GeoEdge.Wire.Readings;
using GeoEdge.Wire.Tpm2;

namespace GeoEdge.Bridge.Verification;

/// <summary>
/// The platform checks on one attested reading, in the order that lets each refusal name the first
/// thing that was wrong: the AK signature, the quote structure, the binding of the reading to the
/// quote, the reading itself, freshness (nonce epoch, sequence, TPM clock), and the PCR digest.
/// Nothing here decides location; that comes after, on accepted readings only.
/// </summary>
public sealed class ReadingVerifier(BridgeStore store, NonceEpochs epochs)
{
    /// <summary>PCRs every quote must cover: firmware and boot (0-7) and IMA (10).</summary>
    public static readonly IReadOnlyList<int> RequiredPcrs = [0, 1, 2, 3, 4, 5, 6, 7, 10];

    public VerificationOutcome Verify(string topicHostId, ReadOnlySpan<byte> payload)
    {
        var outcome = Check(topicHostId, payload, out var claimedSeq, out var digest);
        return outcome with { ClaimedSeq = claimedSeq, ReadingDigest = digest };
    }

    private VerificationOutcome Check(string topicHostId, ReadOnlySpan<byte> payload, out ulong? claimedSeq, out byte[]? digest)
    {
        claimedSeq = null;
        digest = null;
        AttestedReading message;
        try
        {
            message = WireJson.Decode<AttestedReading>(payload);
        }
        catch (WireFormatException e)
        {
            return VerificationOutcome.Refused(topicHostId, null, new Finding(FindingCodes.MalformedPayload, e.Message));
        }

        claimedSeq = ClaimedSequence(message.Reading);
        digest = CanonicalReading.Digest(message.Reading);
        var host = store.GetHost(topicHostId);
        if (host is null)
            return VerificationOutcome.Refused(topicHostId, null,
                new Finding(FindingCodes.HostNotEnrolled, $"no AK is registered for host '{topicHostId}'"));

        TpmPublic ak;
        TpmsAttest attest;
        TpmSignature signature;
        try
        {
            ak = TpmPublic.Parse(host.AkPublic);
            attest = TpmsAttest.Parse(message.QuoteAttest);
            signature = TpmSignature.Parse(message.QuoteSignature);
        }
        catch (TpmFormatException e)
        {
            return VerificationOutcome.Refused(topicHostId, null, new Finding(FindingCodes.MalformedQuote, e.Message));
        }

        if (!signature.Verify(ak, message.QuoteAttest))
            return VerificationOutcome.Refused(topicHostId, null, new Finding(FindingCodes.BadSignature,
                $"the quote is not signed by the AK registered for '{topicHostId}' (AK name {host.AkName})"));

        if (attest.Type != TpmStructureTag.AttestQuote || attest.Quote is null)
            return VerificationOutcome.Refused(topicHostId, null, new Finding(FindingCodes.NotAQuote,
                $"attestation type 0x{(ushort)attest.Type:x4} is not TPM_ST_ATTEST_QUOTE"));

        if (!attest.ExtraData.AsSpan().SequenceEqual(digest))
            return VerificationOutcome.Refused(topicHostId, null, new Finding(FindingCodes.QualifyingDataMismatch,
                $"the quote's qualifying data {Convert.ToHexStringLower(attest.ExtraData)} is not SHA-256 of the reading ({Convert.ToHexStringLower(digest)}): the reading was changed after it was quoted"));

        Reading reading;
        try
        {
            reading = CanonicalReading.Decode(message.Reading);
        }
        catch (WireFormatException e)
        {
            return VerificationOutcome.Refused(topicHostId, null, new Finding(FindingCodes.MalformedReading, e.Message));
        }

        if (reading.HostId != topicHostId)
            return VerificationOutcome.Refused(topicHostId, reading, new Finding(FindingCodes.HostMismatch,
                $"the reading names host '{reading.HostId}' but arrived on the topic of '{topicHostId}'"));

        var counters = new TpmCounters(reading.Seq, attest.ClockInfo.Clock, attest.ClockInfo.ResetCount, attest.ClockInfo.RestartCount);
        var freshness = CheckFreshness(reading, counters, host.Last);
        if (freshness is not null) return VerificationOutcome.Refused(topicHostId, reading, freshness);
        Finding[] warnings = epochs.Classify(reading.NonceEpoch) == EpochAge.Late
            ? [new Finding(FindingCodes.LateReading, $"reading {reading.Seq} was made at {reading.Time:O} in an older nonce epoch and delivered late (held back by the agent)")]
            : [];

        var pcrFinding = CheckPcrs(message, attest.Quote, signature);
        if (pcrFinding is not null) return VerificationOutcome.Refused(topicHostId, reading, pcrFinding);

        var accepted = new AcceptedReading(topicHostId, reading.Seq, message.Reading, message.QuoteAttest, message.QuoteSignature, counters);
        return new VerificationOutcome(topicHostId, reading, [], accepted) { Warnings = warnings, Message = message, Host = host };
    }

    private static ulong? ClaimedSequence(byte[] readingBytes)
    {
        try
        {
            return CanonicalReading.Decode(readingBytes).Seq;
        }
        catch (WireFormatException)
        {
            return null;
        }
    }

    private Finding? CheckFreshness(Reading reading, TpmCounters now, TpmCounters? last)
    {
        if (epochs.Classify(reading.NonceEpoch) == EpochAge.Unknown)
            return new Finding(FindingCodes.StaleNonceEpoch,
                $"reading {reading.Seq} names nonce epoch '{reading.NonceEpoch}', which this bridge did not issue within the late-reading window");
        if (last is null) return null;
        if (reading.Seq <= last.Seq)
            return new Finding(FindingCodes.ReplayedReading,
                $"sequence {reading.Seq} is not after the last accepted sequence {last.Seq}");
        if (now.ResetCount < last.ResetCount)
            return new Finding(FindingCodes.TpmClockRegressed, $"TPM resetCount went from {last.ResetCount} to {now.ResetCount}");
        if (now.ResetCount == last.ResetCount && now.RestartCount < last.RestartCount)
            return new Finding(FindingCodes.TpmClockRegressed, $"TPM restartCount went from {last.RestartCount} to {now.RestartCount} without a reset");
        if (now.ResetCount == last.ResetCount && now.Clock < last.Clock)
            return new Finding(FindingCodes.TpmClockRegressed, $"TPM clock went back from {last.Clock} ms to {now.Clock} ms without a reset");
        return null;
    }

    private static Finding? CheckPcrs(AttestedReading message, TpmQuoteInfo quote, TpmSignature signature)
    {
        var bank = PcrBanks.FromName(message.PcrBank);
        if (bank is null)
            return new Finding(FindingCodes.PcrSelectionIncomplete, $"PCR bank '{message.PcrBank}' is not supported");
        var selected = quote.PcrSelect.Banks.Where(b => b.Hash == bank.Value).SelectMany(b => b.Indices);
        var missing = RequiredPcrs.Except(selected).ToList();
        if (missing.Count > 0)
            return new Finding(FindingCodes.PcrSelectionIncomplete,
                $"the quote does not cover PCR {string.Join(", ", missing)} of the {message.PcrBank} bank");
        var values = new List<byte[]>();
        foreach (var index in quote.PcrSelect.SelectedInOrder())
        {
            if (index.Bank != bank.Value || !message.Pcrs.TryGetValue(index.Index, out var value))
                return new Finding(FindingCodes.PcrDigestMismatch, $"no value was sent for quoted PCR {index.Index} of bank {index.Bank}");
            values.Add(value);
        }
        // The quote's pcrDigest is hashed with the signing scheme's hash, not the bank's.
        var expected = PcrDigest.Compute(signature.Hash, values);
        return expected.AsSpan().SequenceEqual(quote.PcrDigest) ? null
            : new Finding(FindingCodes.PcrDigestMismatch,
                $"the PCR values sent hash to {Convert.ToHexStringLower(expected)} but the quote's pcrDigest is {Convert.ToHexStringLower(quote.PcrDigest)}");
    }
}
