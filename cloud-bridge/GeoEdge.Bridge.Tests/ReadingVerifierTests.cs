using GeoEdge.Bridge.Freshness;
using GeoEdge.Bridge.Store;
using GeoEdge.Bridge.Verification;
using GeoEdge.Wire;
using GeoEdge.Wire.Messages;
using GeoEdge.Wire.Readings;
using GeoEdge.Wire.Tpm2;

namespace GeoEdge.Bridge.Tests;

/// <summary>The verifier against quotes made by a real (software) TPM, one check at a time.</summary>
public sealed class ReadingVerifierTests(TpmQuoteSource tpm) : IClassFixture<TpmQuoteSource>, IDisposable
{
    private const string Host = "edge-01";

    private readonly TempStore _temp = new();
    // No late-reading window: an epoch two rotations old is forgotten at once.
    private NonceEpochs _epochs = new(TimeProvider.System, TimeSpan.FromMinutes(5), TimeSpan.Zero);

    public void Dispose() => _temp.Dispose();

    private ReadingVerifier Verifier => new(_temp.Store, _epochs);

    private void EnrollHost(string hostId = Host, Drivers.Tpm.TpmKey? ak = null)
    {
        var key = ak ?? tpm.Ak;
        _temp.Enroll(hostId, Convert.ToHexStringLower(key.Name.Span), key.Public.ToArray());
    }

    private Reading NewReading(ulong seq, string hostId = Host, string? epoch = null) => new()
    {
        V = Reading.CurrentVersion,
        HostId = hostId,
        Seq = seq,
        Time = DateTimeOffset.UtcNow,
        NonceEpoch = epoch ?? _epochs.Current.Epoch,
        Fix = new GnssFixReport
        {
            Time = DateTimeOffset.UtcNow,
            Latitude = 40.416775,
            Longitude = -3.703790,
            Quality = "Gps",
            SatellitesUsed = 9,
            Hdop = 0.9,
        },
    };

    private VerificationOutcome Verify(AttestedReading message, string topicHost = Host) =>
        Verifier.Verify(topicHost, TpmQuoteSource.Encode(message));

    private static void AssertRefused(VerificationOutcome outcome, string code)
    {
        Assert.False(outcome.IsAccepted, "the reading was accepted");
        Assert.Null(outcome.Accepted);
        Assert.Equal([code], outcome.Findings.Select(f => f.Code));
    }

    [Fact]
    public void A_genuine_reading_is_accepted_with_the_TPM_counters_of_its_quote()
    {
        EnrollHost();
        var message = tpm.Attest(NewReading(1));

        var outcome = Verify(message);

        Assert.True(outcome.IsAccepted, string.Join("; ", outcome.Findings));
        var clock = TpmsAttest.Parse(message.QuoteAttest).ClockInfo;
        Assert.Equal(new TpmCounters(1, clock.Clock, clock.ResetCount, clock.RestartCount), outcome.Accepted!.Counters);
        Assert.Equal(message.Reading, outcome.Accepted.Reading);
        Assert.Equal(40.416775, outcome.Reading!.Fix!.Latitude);
    }

    [Fact]
    public void A_changed_PCR_value_gives_pcr_digest_mismatch()
    {
        EnrollHost();
        var message = tpm.Attest(NewReading(1));
        var pcrs = new Dictionary<int, byte[]>(message.Pcrs) { [4] = [.. message.Pcrs[4].Select(b => (byte)(b ^ 0x5a))] };

        AssertRefused(Verify(message with { Pcrs = pcrs }), FindingCodes.PcrDigestMismatch);
    }

    [Fact]
    public void A_missing_PCR_value_gives_pcr_digest_mismatch_naming_it()
    {
        EnrollHost();
        var message = tpm.Attest(NewReading(1));
        var pcrs = new Dictionary<int, byte[]>(message.Pcrs);
        pcrs.Remove(10);

        var outcome = Verify(message with { Pcrs = pcrs });

        AssertRefused(outcome, FindingCodes.PcrDigestMismatch);
        Assert.Contains("PCR 10", outcome.Findings[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quote_of_only_PCRs_0_to_7_gives_pcr_selection_incomplete()
    {
        EnrollHost();
        var message = tpm.Attest(NewReading(1), pcrs: [0, 1, 2, 3, 4, 5, 6, 7]);

        var outcome = Verify(message);

        AssertRefused(outcome, FindingCodes.PcrSelectionIncomplete);
        Assert.Contains("PCR 10", outcome.Findings[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reading_changed_after_it_was_quoted_gives_qualifying_data_mismatch()
    {
        EnrollHost();
        var original = NewReading(1);
        var message = tpm.Attest(original);
        var moved = original with { Fix = original.Fix! with { Latitude = 45.764043 } };

        AssertRefused(Verify(message with { Reading = CanonicalReading.Encode(moved) }), FindingCodes.QualifyingDataMismatch);
    }

    [Fact]
    public void A_reading_naming_an_epoch_two_rotations_old_gives_stale_nonce_epoch()
    {
        EnrollHost();
        var message = tpm.Attest(NewReading(1));
        _epochs.Rotate();
        Assert.True(Verify(message).IsAccepted, "one rotation later the previous epoch is still fine");
        _epochs.Rotate();

        AssertRefused(Verify(message), FindingCodes.StaleNonceEpoch);
    }

    [Fact]
    public void A_reading_held_back_within_the_late_window_is_accepted_with_a_late_reading_warning()
    {
        _epochs = new NonceEpochs(TimeProvider.System, TimeSpan.FromMinutes(5), TimeSpan.FromHours(24));
        EnrollHost();
        var message = tpm.Attest(NewReading(1));
        _epochs.Rotate();
        _epochs.Rotate();

        var outcome = Verify(message);

        Assert.True(outcome.IsAccepted, string.Join("; ", outcome.Findings));
        Assert.Equal(FindingCodes.LateReading, Assert.Single(outcome.Warnings).Code);
    }

    [Fact]
    public void A_TPM_clock_below_the_last_accepted_with_the_same_reset_count_gives_tpm_clock_regressed()
    {
        EnrollHost();
        var message = tpm.Attest(NewReading(8));
        var clock = TpmsAttest.Parse(message.QuoteAttest).ClockInfo;
        // The last accepted reading (seq 7) was quoted an hour of TPM time later than this one.
        var last = new TpmCounters(7, clock.Clock + 3_600_000, clock.ResetCount, clock.RestartCount);
        Assert.True(_temp.Store.TryAcceptReading(new AcceptedReading(Host, 7, [1], [2], [3], last), DateTimeOffset.UtcNow));

        var outcome = Verify(message);

        AssertRefused(outcome, FindingCodes.TpmClockRegressed);
        Assert.Contains($"from {clock.Clock + 3_600_000} ms to {clock.Clock} ms", outcome.Findings[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sequence_number_not_after_the_last_accepted_gives_replayed_reading()
    {
        EnrollHost();
        var first = tpm.Attest(NewReading(3));
        var outcome = Verify(first);
        Assert.True(outcome.IsAccepted);
        Assert.True(_temp.Store.TryAcceptReading(outcome.Accepted!, DateTimeOffset.UtcNow));

        AssertRefused(Verify(first), FindingCodes.ReplayedReading);
        AssertRefused(Verify(tpm.Attest(NewReading(2))), FindingCodes.ReplayedReading);
        Assert.True(Verify(tpm.Attest(NewReading(4))).IsAccepted);
    }

    [Fact]
    public void A_quote_by_the_AK_of_another_host_gives_bad_signature()
    {
        EnrollHost("edge-01", tpm.Ak);
        EnrollHost("edge-02", tpm.OtherAk);
        // edge-02's TPM signs a reading claiming to be edge-01.
        var impostor = tpm.Attest(NewReading(1, hostId: "edge-01"), tpm.OtherAk);

        var outcome = Verify(impostor, topicHost: "edge-01");

        AssertRefused(outcome, FindingCodes.BadSignature);
        Assert.Contains("edge-01", outcome.Findings[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reading_for_a_host_that_is_not_enrolled_gives_host_not_enrolled()
    {
        AssertRefused(Verify(tpm.Attest(NewReading(1))), FindingCodes.HostNotEnrolled);
    }

    [Fact]
    public void A_reading_naming_another_host_than_its_topic_gives_host_mismatch()
    {
        EnrollHost("edge-01");
        AssertRefused(Verify(tpm.Attest(NewReading(1, hostId: "edge-09"))), FindingCodes.HostMismatch);
    }

    [Fact]
    public void A_quote_with_a_cut_signature_gives_malformed_quote()
    {
        EnrollHost();
        var message = tpm.Attest(NewReading(1));

        AssertRefused(Verify(message with { QuoteSignature = message.QuoteSignature[..10] }), FindingCodes.MalformedQuote);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"reading\":\"AA==\"}")]
    [InlineData("[1,2]")]
    public void A_payload_that_is_not_an_attested_reading_gives_malformed_payload(string payload)
    {
        EnrollHost();

        var outcome = Verifier.Verify(Host, System.Text.Encoding.UTF8.GetBytes(payload));

        AssertRefused(outcome, FindingCodes.MalformedPayload);
    }
}
