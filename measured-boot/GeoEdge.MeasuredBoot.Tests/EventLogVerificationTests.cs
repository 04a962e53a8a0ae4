namespace GeoEdge.MeasuredBoot.Tests;

/// <summary>Log against quoted PCRs, including the Exit Boot Services quirk, on real logs and tampered copies.</summary>
public sealed class EventLogVerificationTests
{
    private const string SystemdBoot = "eventlogs/tpm2-tools/event-sd-boot-fedora37.bin";

    [Theory]
    [MemberData(nameof(ExpectedValues.ParsableLogs), MemberType = typeof(ExpectedValues))]
    public void Every_log_verifies_against_its_machines_pcr_readout(string relative)
    {
        var expected = ExpectedValues.EventLog(relative);
        if (!expected.TryGetProperty("upstream_expected", out var upstream)) return;
        var log = LogFiles.Parse(relative);
        foreach (var bank in upstream.GetProperty("banks").EnumerateObject())
        {
            Assert.True(TpmHashAlgorithms.TryParse(bank.Name, out var algorithm));
            var quoted = bank.Value.EnumerateObject().ToDictionary(p => int.Parse(p.Name), p => Convert.FromHexString(p.Value.GetString()!));
            var result = EventLogVerification.Verify(log, algorithm, quoted);
            Assert.True(result.Matches, string.Join("; ", result.Mismatches));
            Assert.False(result.ExitBootServicesWorkaround);
        }
    }

    [Fact]
    public void Missing_exit_boot_services_events_are_accepted_only_through_the_workaround()
    {
        var bytes = LogFiles.Bytes(SystemdBoot);
        var original = TcgEventLog.Parse(bytes);
        Assert.Equal(["Exit Boot Services Invocation", "Exit Boot Services Returned with Success"],
            original.Events.Skip(26).Select(e => ((EfiActionEvent)EventDecoder.Decode(e)).Text));
        var quoted = AllPcrs(original, TpmHashAlgorithm.Sha256);

        var plain = EventLogVerification.Verify(original, TpmHashAlgorithm.Sha256, quoted);
        Assert.True(plain.Matches);
        Assert.False(plain.ExitBootServicesWorkaround);

        var trimmed = TcgEventLog.Parse(LogEditing.WithoutEvents(bytes, 26, 27));
        Assert.Equal(original.Events.Count - 2, trimmed.Events.Count);
        var result = EventLogVerification.Verify(trimmed, TpmHashAlgorithm.Sha256, quoted);
        Assert.True(result.Matches, string.Join("; ", result.Mismatches));
        Assert.True(result.ExitBootServicesWorkaround);
    }

    [Fact]
    public void Dropping_only_the_success_event_is_not_explained_by_the_workaround()
    {
        var bytes = LogFiles.Bytes(SystemdBoot);
        var quoted = AllPcrs(TcgEventLog.Parse(bytes), TpmHashAlgorithm.Sha256);
        var tampered = TcgEventLog.Parse(LogEditing.WithoutEvents(bytes, 27));

        var result = EventLogVerification.Verify(tampered, TpmHashAlgorithm.Sha256, quoted);

        var mismatch = Assert.Single(result.Mismatches);
        Assert.Equal((5, 26), (mismatch.Pcr, mismatch.LastEventIndex));
        Assert.False(result.ExitBootServicesWorkaround);
    }

    [Fact]
    public void Dropping_another_pcr5_event_with_the_exit_boot_services_ones_is_a_mismatch()
    {
        var bytes = LogFiles.Bytes(SystemdBoot);
        var original = TcgEventLog.Parse(bytes);
        var quoted = AllPcrs(original, TpmHashAlgorithm.Sha256);
        var separator5 = original.Events.Single(e => e.Pcr == 5 && e.Type == EventType.Separator).Index;

        var result = EventLogVerification.Verify(TcgEventLog.Parse(LogEditing.WithoutEvents(bytes, separator5, 26, 27)), TpmHashAlgorithm.Sha256, quoted);

        Assert.Equal(5, Assert.Single(result.Mismatches).Pcr);
        Assert.Null(result.Mismatches[0].LastEventIndex); // nothing left in the log extends PCR 5
        Assert.False(result.ExitBootServicesWorkaround);
    }

    [Fact]
    public void A_changed_digest_is_named_with_the_last_event_of_its_pcr()
    {
        var log = LogFiles.Parse("eventlogs/keylime/mb_log.b64");
        var quoted = AllPcrs(log, TpmHashAlgorithm.Sha256);
        quoted[7] = (byte[])quoted[7].Clone();
        quoted[7][0] ^= 1;

        var mismatch = Assert.Single(EventLogVerification.Verify(log, TpmHashAlgorithm.Sha256, quoted).Mismatches);

        Assert.Equal(7, mismatch.Pcr);
        Assert.Equal(log.Events.Last(e => e.Pcr == 7).Index, mismatch.LastEventIndex);
        Assert.Equal(TpmHashAlgorithm.Sha256, mismatch.Bank);
        Assert.NotEqual(mismatch.Replayed, mismatch.Quoted);
    }

    [Fact]
    public void Pcrs_the_log_never_touches_must_be_at_their_reset_value()
    {
        var log = LogFiles.Parse(SystemdBoot);
        var ok = new Dictionary<int, byte[]> { [10] = new byte[32], [17] = Enumerable.Repeat((byte)0xff, 32).ToArray() };
        Assert.True(EventLogVerification.Verify(log, TpmHashAlgorithm.Sha256, ok).Matches);

        var extended = new Dictionary<int, byte[]> { [10] = TpmHashAlgorithm.Sha256.Extend(new byte[32], new byte[32]) };
        var mismatch = Assert.Single(EventLogVerification.Verify(log, TpmHashAlgorithm.Sha256, extended).Mismatches);
        Assert.Equal((10, (int?)null), (mismatch.Pcr, mismatch.LastEventIndex));
        Assert.Equal(new byte[32], mismatch.Replayed);
    }

    [Fact]
    public void A_bank_the_log_lacks_and_pcr_indices_outside_0_to_23_are_refused()
    {
        var log = LogFiles.Parse(SystemdBoot);
        Assert.Throws<EventLogException>(() => EventLogVerification.Verify(log, TpmHashAlgorithm.Sha1, new Dictionary<int, byte[]>()));
        Assert.Throws<ArgumentException>(() => EventLogVerification.Verify(log, TpmHashAlgorithm.Sha256, new Dictionary<int, byte[]> { [24] = new byte[32] }));
    }

    /// <summary>PCRs 0-23 as the TPM would hold them after this boot: the replay, reset values elsewhere.</summary>
    internal static Dictionary<int, byte[]> AllPcrs(TcgEventLog log, TpmHashAlgorithm bank)
    {
        var replayed = PcrReplay.ReplayBank(log, bank, log.Events);
        return Enumerable.Range(0, 24).ToDictionary(p => p, p => replayed.TryGetValue(p, out var v) ? v : PcrReplay.InitialValue(log, bank, p));
    }
}
