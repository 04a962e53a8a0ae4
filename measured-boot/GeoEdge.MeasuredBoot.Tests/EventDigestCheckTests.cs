namespace GeoEdge.MeasuredBoot.Tests;

/// <summary>Event data against digests: no false alarm on any real log, and the one real bad event found.</summary>
public sealed class EventDigestCheckTests
{
    [Theory]
    [MemberData(nameof(LogFiles.All), MemberType = typeof(LogFiles))]
    public void Only_the_arch_linux_systemd_boot_command_line_mismatches(string relative)
    {
        var log = LogFiles.Parse(relative);
        var mismatched = log.Events.Where(e => log.Banks.Any(b => !EventDigestCheck.DataMatchesDigest(e, b, out _))).Select(e => e.Index).ToList();

        // tpm2_eventlog warns exactly here (expected-yaml/event-arch-linux.bin.warn); go-eventlog ships the same log.
        var expected = relative.EndsWith("arch-linux.bin", StringComparison.Ordinal) || relative.EndsWith("arch-linux-workstation.bin", StringComparison.Ordinal) ? new[] { 24 } : [];
        Assert.Equal(expected, mismatched);
    }

    [Fact]
    public void Tpm2_eventlog_warns_about_the_same_event()
    {
        var warning = File.ReadAllText(TestData.Tpm("eventlogs/tpm2-tools/expected-yaml/event-arch-linux.bin.warn"));
        var log = LogFiles.Parse("eventlogs/tpm2-tools/event-arch-linux.bin");
        var e = log.Events[24];

        Assert.Contains("Event 24's digest does not match its payload", warning);
        Assert.False(EventDigestCheck.DataMatchesDigest(e, TpmHashAlgorithm.Sha256, out var applicable));
        Assert.True(applicable);
        // Older systemd-boot logged one byte less than it measured: the digest is of the data plus one NUL.
        Assert.Equal(e.Digests[TpmHashAlgorithm.Sha256], TpmHashAlgorithm.Sha256.Hash([.. e.Data, 0]));
    }

    [Theory]
    [MemberData(nameof(LogFiles.All), MemberType = typeof(LogFiles))]
    public void Checks_apply_to_separators_variables_and_actions_and_fail_when_a_measured_byte_changes(string relative)
    {
        var log = LogFiles.Parse(relative);
        var bank = log.Banks[^1];
        var checkedCount = 0;
        foreach (var e in log.Events)
        {
            if (!EventDigestCheck.DataMatchesDigest(e, bank, out var applicable) || !applicable || e.Data.Length < 2) continue;
            checkedCount++;
            // The end of the data is measured in every form (a GRUB string's NUL is not: hence one before the last).
            var tampered = e with { Data = (byte[])e.Data.Clone() };
            tampered.Data[^2] ^= 0x01;
            Assert.False(EventDigestCheck.DataMatchesDigest(tampered, bank, out _), $"{relative} {e}: a flipped byte still matches");
        }
        if (log.Events.Any(e => e.Type == EventType.Separator)) Assert.True(checkedCount > 0);
    }

    [Fact]
    public void Image_loads_and_events_without_the_bank_are_not_applicable()
    {
        var log = LogFiles.Parse("eventlogs/tpm2-tools/event-sd-boot-fedora37.bin");
        var image = log.Events.First(e => e.Type == EventType.EfiBootServicesApplication || e.Type == EventType.EfiPlatformFirmwareBlob);
        Assert.True(EventDigestCheck.DataMatchesDigest(image, TpmHashAlgorithm.Sha256, out var applicable));
        Assert.False(applicable);
        Assert.True(EventDigestCheck.DataMatchesDigest(log.Events[9], TpmHashAlgorithm.Sha1, out applicable));
        Assert.False(applicable);
    }
}
