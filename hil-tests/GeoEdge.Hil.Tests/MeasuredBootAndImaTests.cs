using GeoEdge.Hil.Rig.Composition;
using GeoEdge.Hil.Rig.Scenarios;
using GeoEdge.Ima;
using GeoEdge.MeasuredBoot;
using GeoEdge.Wire;
using GeoEdge.Wire.Messages;
using Xunit.Abstractions;

namespace GeoEdge.Hil.Tests;

/// <summary>
/// The host's boot log and IMA list against its quotes, end to end: swtpm's PCRs hold a real firmware
/// log's measurements and the rig's IMA list, the agent sends what is new, the bridge replays and
/// appraises it. Each test starts from a genuine host and then changes what it runs.
/// </summary>
public class MeasuredBootAndImaTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_genuine_host_passes_and_each_reading_brings_only_what_is_new()
    {
        await using var rig = await RigFixture.StartAsync(output);
        await using var tap = await TopicTap.StartAsync(rig.Broker.PlainPort, Topics.Readings(rig.Options.HostId));
        rig.StartAgent();

        var first = WireJson.Decode<AttestedReading>((await tap.NextAsync(_ => true, TimeSpan.FromSeconds(30))).Payload);
        var second = WireJson.Decode<AttestedReading>((await tap.NextAsync(_ => true, TimeSpan.FromSeconds(30))).Payload);
        Assert.Equal(File.ReadAllBytes(rig.Measured.BootLogPath), first.BootLog);
        Assert.Equal(0, first.ImaStart);
        Assert.Equal(rig.Measured.ImaEntries, ImaList.ParseBinary(first.ImaEntries).Count);
        // Nothing changed on the host: the second reading carries neither the log nor IMA entries.
        Assert.Null(second.BootLog);
        Assert.Null(second.ImaEntries);

        var results = await rig.ResultsAsync(3, output);
        foreach (var result in results)
        {
            output.WriteLine($"result seq {result.Seq}: {result.EarStatus} {string.Join("; ", result.Reasons)}");
            Assert.Empty(result.PlatformReasons());
            Assert.Null(result.BootLogWanted);
            Assert.Null(result.ImaResendFrom);
        }
        var log = TcgEventLog.Parse(first.BootLog);
        Assert.True(SecureBoot.Read(log, TpmHashAlgorithm.Sha256).Enabled, "the rig's log is from a host with Secure Boot on");
    }

    [Fact]
    public async Task A_boot_log_altered_after_boot_is_contraindicated_naming_the_event_and_stays_so()
    {
        await using var rig = await RigFixture.StartAsync(output);
        rig.StartAgent();
        await rig.ResultWhereAsync(r => r.Seq > 0 && r.PlatformReasons().Count == 0, output);

        var altered = rig.Measured.TamperBootLog();
        output.WriteLine($"altered event {altered} of the served boot log");
        await rig.ResultWhereAsync(r => r.IsTamperedBoot(altered), output);
        // The bridge keeps the verdict on this log for as long as the quoted PCRs 0-7 stay the same.
        foreach (var result in await rig.ResultsAsync(3, output))
            Assert.True(result.IsTamperedBoot(altered), $"seq {result.Seq}: {result.EarStatus} {string.Join("; ", result.Reasons)}");
    }

    [Fact]
    public async Task A_binary_outside_the_runtime_policy_is_contraindicated_naming_its_entry_until_reboot()
    {
        await using var rig = await RigFixture.StartAsync(output);
        rig.StartAgent();
        await rig.ResultWhereAsync(r => r.Seq > 0 && r.PlatformReasons().Count == 0, output);

        // The kernel measures it while the agent runs: the next reading brings just this entry.
        var entry = rig.Measured.RunUnapprovedBinary(DemoPhases.UnapprovedBinaryPath, "not in any policy"u8.ToArray());
        var refused = await rig.ResultWhereAsync(r => r.IsUnapprovedBinary(DemoPhases.UnapprovedBinaryPath), output, maxResults: 30);
        Assert.Contains(refused.Reasons, r => r.Contains($"IMA entry {entry} ", StringComparison.Ordinal));
        // What ran, ran: later readings bring no new entries, and the verdict stays until the host reboots.
        var later = await rig.ResultsAsync(3, output);
        foreach (var result in later)
            Assert.True(result.IsUnapprovedBinary(DemoPhases.UnapprovedBinaryPath), $"seq {result.Seq}: {result.EarStatus} {string.Join("; ", result.Reasons)}");

        // An agent restart sends the whole list again from entry 0: the bridge appraises it afresh and finds the same entry.
        rig.Agent.Stop();
        rig.StartAgent();
        // (A reading the stopped agent had not seen acknowledged comes again first and is refused as replayed: skip it.)
        var lastBefore = later.Max(r => r.Seq);
        var again = await rig.ResultWhereAsync(r => r.Seq > lastBefore && !r.Has("replayed-reading"), output, maxResults: 30);
        Assert.True(again.IsUnapprovedBinary(DemoPhases.UnapprovedBinaryPath), $"seq {again.Seq}: {again.EarStatus} {string.Join("; ", again.Reasons)}");
    }
}
