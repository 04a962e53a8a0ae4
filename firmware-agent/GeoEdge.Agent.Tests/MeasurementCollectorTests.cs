using System.Security.Cryptography;
using GeoEdge.Agent.Configuration;
using GeoEdge.Agent.Logging;
using GeoEdge.Agent.Measurements;
using GeoEdge.Ima;
using GeoEdge.Wire.Messages;

namespace GeoEdge.Agent.Tests;

/// <summary>What the agent attaches to each reading, from files laid out as the kernel's.</summary>
public sealed class MeasurementCollectorTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly List<ImaEntry> _ima = [];
    private readonly StringWriter _log = new();
    private readonly MeasurementCollector _collector;

    public MeasurementCollectorTests()
    {
        File.WriteAllBytes(_dir.File("bios"), [1, 2, 3, 4]);
        Measure("boot_aggregate");
        Measure("/usr/bin/env");
        _collector = new MeasurementCollector(new MeasurementsConfig { BootLog = _dir.File("bios"), ImaList = _dir.File("ima") }, new AgentLog("test", _log));
    }

    public void Dispose() => _dir.Dispose();

    private void Measure(string path)
    {
        _ima.Add(ImaEntry.Build(_ima.Count, "ima-ng", new ImaDigest("sha256", SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(path))), path));
        File.WriteAllBytes(_dir.File("ima"), ImaList.WriteBinary(_ima));
    }

    /// <summary>The quote as of the first <paramref name="entries"/> entries (the list may already be longer).</summary>
    private Dictionary<int, byte[]> QuoteOf(int entries) => new() { [10] = ImaReplay.Extend(ImaPcrState.Initial, _ima.Take(entries)).Sha256 };

    private static List<string> Paths(MeasurementAttachment a) => [.. ImaList.ParseBinary(a.ImaEntries).Select(e => e.Path)];

    [Fact]
    public void The_first_reading_carries_the_boot_log_and_the_whole_list_later_ones_only_what_is_new()
    {
        var first = _collector.Collect(QuoteOf(2));
        var second = _collector.Collect(QuoteOf(2));
        Measure("/usr/bin/cat");
        var third = _collector.Collect(QuoteOf(3));

        Assert.Equal([1, 2, 3, 4], first.BootLog);
        Assert.Equal(0, first.ImaStart);
        Assert.Equal(["boot_aggregate", "/usr/bin/env"], Paths(first));
        Assert.Equal(MeasurementAttachment.None, second);
        Assert.Null(third.BootLog);
        Assert.Equal(2, third.ImaStart);
        Assert.Equal(["/usr/bin/cat"], Paths(third));
    }

    [Fact]
    public void Entries_measured_after_the_quote_wait_for_the_next_reading()
    {
        Measure("/usr/bin/cat"); // in the list, not yet in the quoted PCR 10

        var attached = _collector.Collect(QuoteOf(2));
        var next = _collector.Collect(QuoteOf(3));

        Assert.Equal(["boot_aggregate", "/usr/bin/env"], Paths(attached));
        Assert.Equal(2, next.ImaStart);
        Assert.Equal(["/usr/bin/cat"], Paths(next));
    }

    [Fact]
    public void A_changed_boot_log_and_the_bridges_requests_are_sent_again()
    {
        _collector.Collect(QuoteOf(2));
        File.WriteAllBytes(_dir.File("bios"), [9, 9]);
        Assert.Equal([9, 9], _collector.Collect(QuoteOf(2)).BootLog);

        _collector.OnResult(new ResultMessage { HostId = "h", Seq = 1, Ear = "e", EarStatus = "warning", Reasons = [], BootLogWanted = true, ImaResendFrom = 1 });
        var resent = _collector.Collect(QuoteOf(2));

        Assert.Equal([9, 9], resent.BootLog);
        Assert.Equal(1, resent.ImaStart);
        Assert.Equal(["/usr/bin/env"], Paths(resent));
    }

    [Fact]
    public void A_list_that_does_not_replay_to_the_quote_is_sent_whole_every_time_and_logged_once()
    {
        var quote = new Dictionary<int, byte[]> { [10] = SHA256.HashData("another PCR 10"u8) };

        var first = _collector.Collect(quote);
        var again = _collector.Collect(quote);

        Assert.Equal(0, first.ImaStart);
        Assert.Equal(0, again.ImaStart);
        Assert.Equal(2, ImaList.ParseBinary(again.ImaEntries).Count);
        Assert.Single(_log.ToString().Split('\n'), l => l.Contains("does not replay to the quoted PCR 10", StringComparison.Ordinal));
    }

    [Fact]
    public void Unreadable_files_send_nothing_and_say_why_once()
    {
        var collector = new MeasurementCollector(new MeasurementsConfig { BootLog = _dir.File("missing"), ImaList = _dir.File("bios") }, new AgentLog("test", _log));

        Assert.Equal(MeasurementAttachment.None, collector.Collect(QuoteOf(2)));
        Assert.Equal(MeasurementAttachment.None, collector.Collect(QuoteOf(2)));
        var text = _log.ToString();
        Assert.Single(text.Split('\n'), l => l.Contains("cannot read the boot event log", StringComparison.Ordinal));
        Assert.Single(text.Split('\n'), l => l.Contains("cannot read the IMA list", StringComparison.Ordinal));
    }
}
