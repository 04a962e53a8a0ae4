namespace GeoEdge.MeasuredBoot.Tests;

/// <summary>Logs that are not logs: a clear <see cref="EventLogException"/>, never a crash or a hang.</summary>
public sealed class MalformedLogTests
{
    [Fact]
    public void Keylime_empty_log_is_refused_as_empty()
    {
        var e = Assert.Throws<EventLogException>(() => TcgEventLog.Parse(File.ReadAllBytes(TestData.Tpm("eventlogs/keylime/binary_bios_measurements-empty"))));
        Assert.Contains("empty", e.Message);
    }

    [Fact]
    public void Keylime_bogus_log_is_refused_as_truncated_at_32()
    {
        var e = Assert.Throws<EventLogException>(() => TcgEventLog.Parse(File.ReadAllBytes(TestData.Tpm("eventlogs/keylime/binary_bios_measurements-bogus"))));
        Assert.Contains("truncated", e.Message);
        Assert.Equal(32, e.Offset);
    }

    [Fact]
    public void Every_truncation_of_a_real_log_is_refused_or_parses_a_shorter_log()
    {
        var bytes = ExpectedValues.LogBytes("eventlogs/tpm2-tools/event-sd-boot-fedora37.bin");
        for (var length = 1; length < bytes.Length; length++)
        {
            try
            {
                var log = TcgEventLog.Parse(bytes.AsSpan(0, length));
                Assert.True(log.Events.Count < 28, $"a {length}-byte prefix parsed as the whole log");
            }
            catch (EventLogException) { }
        }
    }

    [Fact]
    public void A_log_larger_than_the_limit_is_refused_before_parsing()
    {
        var bytes = ExpectedValues.LogBytes("eventlogs/tpm2-tools/event-sd-boot-fedora37.bin");
        var e = Assert.Throws<EventLogException>(() => TcgEventLog.Parse(bytes, new EventLogLimits { MaxLogBytes = 1000 }));
        Assert.Contains("limit", e.Message);
    }

    [Fact]
    public void An_event_claiming_gigabytes_of_data_is_refused_as_truncated_without_allocating_it()
    {
        var bytes = ExpectedValues.LogBytes("eventlogs/tpm2-tools/event-uefi-sha1-log.bin").ToArray();
        bytes[28] = 0xff; bytes[29] = 0xff; bytes[30] = 0xff; bytes[31] = 0x7f; // first event's eventSize
        var e = Assert.Throws<EventLogException>(() => TcgEventLog.Parse(bytes));
        Assert.Contains("truncated", e.Message);
        Assert.Equal(32, e.Offset);
    }

    [Fact]
    public void Event_data_larger_than_the_limit_is_refused_even_when_present()
    {
        var bytes = ExpectedValues.LogBytes("eventlogs/tpm2-tools/event-uefi-sha1-log.bin");
        var e = Assert.Throws<EventLogException>(() => TcgEventLog.Parse(bytes, new EventLogLimits { MaxEventDataBytes = 16 }));
        Assert.Contains("exceeds the limit", e.Message);
    }
}
