using System.Diagnostics;
using System.Globalization;
using GeoEdge.Hil.Rig.Composition;
using Xunit.Abstractions;

namespace GeoEdge.Hil.Tests;

/// <summary>
/// Faults on the delivery path, with every part real: the agent is killed with SIGKILL right after
/// queueing a reading, then the broker goes away for 30 s while the agent keeps reading into its
/// durable outbox. Afterwards the bridge must hold every sequence number exactly once, in order,
/// and must have refused none of them (re-deliveries may be refused as replays: that is the point).
/// </summary>
public class FaultTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

    /// <summary>Findings that do not mean the platform evidence was refused.</summary>
    private const string ReplayedReading = "replayed-reading";
    private const string NoGnssFix = "no-gnss-fix";

    [Fact]
    public async Task Sigkill_and_a_30_s_broker_outage_lose_and_duplicate_no_reading()
    {
        var clock = Stopwatch.StartNew();
        void Say(string what) => output.WriteLine($"{clock.Elapsed.TotalSeconds,6:0.0} s  {what}");
        await using var rig = await RigFixture.StartAsync(output);
        var outbox = new OutboxView(rig.Agent.StateDirectory);
        rig.StartAgent();
        var firstWithFix = await rig.AuthenticatedResultAsync(output);
        Say($"agent delivering; first reading with a fix: seq {firstWithFix.Seq}");

        // SIGKILL just after a reading was queued: it is in the outbox, perhaps already on the wire.
        var waitingAtKill = await KillRightAfterQueueingAsync(rig.Agent);
        Say($"agent killed with {waitingAtKill} reading(s) in its outbox; starting it again");
        rig.Agent.Start();
        var beforeOutage = await WaitUntilCaughtUpAsync(rig, outbox, TimeSpan.FromSeconds(30));
        Say($"bridge caught up after the kill at seq {beforeOutage}");

        rig.Broker.Stop();
        Say("broker stopped");
        var piledUp = 0;
        for (var end = clock.Elapsed + Outage; clock.Elapsed < end;)
        {
            await Task.Delay(1000);
            piledUp = Math.Max(piledUp, outbox.Count);
        }
        Say($"outbox held up to {piledUp} reading(s) during the outage");
        Assert.True(piledUp >= Outage.TotalSeconds * 2 / 3,
            $"with a reading every second, only {piledUp} reading(s) waited in the outbox during a {Outage.TotalSeconds:0} s outage\n{rig.Diagnostics()}");

        await rig.Broker.StartAgainAsync();
        Say("broker started again");
        // Both clients reconnect on libmosquitto's back-off (up to 30 s); then the outbox drains.
        var last = await WaitUntilCaughtUpAsync(rig, outbox, TimeSpan.FromSeconds(50));
        Say($"outbox empty, bridge caught up at seq {last}");

        var arrivals = await StoredArrivalsAsync(rig);
        Assert.Equal(Enumerable.Range(1, checked((int)last)).Select(i => (ulong)i), arrivals.Select(a => a.Seq));
        Assert.True(arrivals.Zip(arrivals.Skip(1)).All(p => p.First.ReceivedAt <= p.Second.ReceivedAt), "arrival times go forward");
        Assert.True(last >= beforeOutage + (ulong)piledUp, $"the readings of the outage ({piledUp}) are after seq {beforeOutage}");

        await AssertNothingRefusedAsync(rig, last, firstWithFix.Seq);
    }

    /// <summary>Waits for the agent's "quoted and queued" line and sends SIGKILL at once; returns how many readings were waiting.</summary>
    private static async Task<int> KillRightAfterQueueingAsync(AgentProcess agent)
    {
        var killed = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var outbox = new OutboxView(agent.StateDirectory);
        void OnLine(string line)
        {
            if (killed.Task.IsCompleted || !line.Contains("quoted and queued", StringComparison.Ordinal)) return;
            agent.Kill9();
            killed.TrySetResult(outbox.Count);
        }
        agent.Process.Line += OnLine;
        try
        {
            return await killed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            agent.Process.Line -= OnLine;
        }
    }

    /// <summary>
    /// Polls until the outbox is empty and the bridge's last stored reading is the agent's last
    /// sequence number (read before and after, so a reading made in between does not fool it).
    /// </summary>
    private async Task<ulong> WaitUntilCaughtUpAsync(GeoEdgeRig rig, OutboxView outbox, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var before = LastHandedOut(rig.Agent);
            var arrivals = await StoredArrivalsAsync(rig);
            var waiting = outbox.Count;
            var after = LastHandedOut(rig.Agent);
            if (before == after && waiting == 0 && arrivals.Count > 0 && arrivals[^1].Seq == after) return after;
            await Task.Delay(500);
        }
        output.WriteLine(rig.Diagnostics());
        throw new Xunit.Sdk.XunitException(
            $"not caught up within {timeout.TotalSeconds:0} s: agent at seq {LastHandedOut(rig.Agent)}, {outbox.Count} in the outbox, " +
            $"bridge stored up to {(await StoredArrivalsAsync(rig)).LastOrDefault()?.Seq}");
    }

    /// <summary>Every verdict is either the one acceptance of its sequence number or a refused re-delivery of a stored one.</summary>
    private static async Task AssertNothingRefusedAsync(GeoEdgeRig rig, ulong last, ulong firstWithFix)
    {
        var verdicts = await rig.Bridge.GetJsonAsync($"/v1/hosts/{rig.Options.HostId}/verdicts?limit=1000");
        var acceptances = new Dictionary<ulong, int>();
        foreach (var verdict in verdicts.EnumerateArray())
        {
            var seq = verdict.GetProperty("seq").GetUInt64();
            var codes = verdict.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!.Split(':')[0]).ToList();
            Assert.True(seq >= 1 && seq <= last, $"verdict for seq {seq}, outside 1..{last}");
            if (codes.Contains(ReplayedReading))
            {
                Assert.Equal([ReplayedReading], codes);
                continue;
            }
            acceptances[seq] = acceptances.GetValueOrDefault(seq) + 1;
            if (codes.Contains(NoGnssFix))
            {
                Assert.True(seq < firstWithFix, $"seq {seq} (after the first fix, seq {firstWithFix}) had no GNSS fix");
                Assert.Equal([NoGnssFix], codes);
                continue;
            }
            var reasons = verdict.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToList();
            Assert.True(Verdicts.IsGenuine(verdict.GetProperty("earStatus").GetString(), reasons), $"seq {seq} was refused or doubted: {verdict}");
            Assert.Equal("inside", verdict.GetProperty("geofence").GetString());
        }
        var notOnce = Enumerable.Range(1, checked((int)last)).Select(i => (ulong)i).Where(s => acceptances.GetValueOrDefault(s) != 1).ToList();
        Assert.True(notOnce.Count == 0, $"sequence numbers not accepted exactly once: {string.Join(", ", notOnce.Select(s => $"{s} ({acceptances.GetValueOrDefault(s)}x)"))}");
    }

    private static async Task<List<Arrival>> StoredArrivalsAsync(GeoEdgeRig rig)
    {
        var json = await rig.Bridge.GetJsonAsync($"/v1/hosts/{rig.Options.HostId}/readings");
        return json.EnumerateArray()
            .Select(e => new Arrival(e.GetProperty("seq").GetUInt64(), e.GetProperty("receivedAt").GetDateTimeOffset()))
            .ToList();
    }

    /// <summary>The agent's state/seq file: the last sequence number it handed out (0 before the first).</summary>
    private static ulong LastHandedOut(AgentProcess agent)
    {
        var path = Path.Combine(agent.StateDirectory, "seq");
        return File.Exists(path) ? ulong.Parse(File.ReadAllText(path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture) : 0;
    }

    private sealed record Arrival(ulong Seq, DateTimeOffset ReceivedAt);

    /// <summary>The agent's durable outbox as files on disk (one "*.reading" per waiting reading).</summary>
    private sealed class OutboxView(string stateDirectory)
    {
        private readonly string _directory = Path.Combine(stateDirectory, "outbox");

        public int Count => Directory.Exists(_directory) ? Directory.GetFiles(_directory, "*.reading").Length : 0;
    }
}
