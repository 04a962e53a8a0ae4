using GeoEdge.Drivers.Mqtt;
using GeoEdge.Hil.Rig.Scenarios;
using GeoEdge.Wire;
using GeoEdge.Wire.Readings;
using Xunit.Abstractions;

namespace GeoEdge.Hil.Tests;

/// <summary>
/// A restarted agent keeps its identity and its place: it re-enrolls the same persisted AK and its
/// sequence numbers continue above the ones the bridge already accepted, so nothing is refused as a replay.
/// </summary>
public class AgentRestartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task After_a_restart_the_agent_re_enrolls_the_same_AK_and_its_sequence_keeps_increasing()
    {
        await using var rig = await RigFixture.StartAsync(output);
        await using var tap = await ReadingTap.StartAsync(rig.Broker.PlainPort, rig.Options.HostId);
        rig.StartAgent();
        var earliest = await tap.NextAsync(TimeSpan.FromSeconds(30));
        var first = await rig.ResultWhereAsync(r => r.EarStatus == "affirming", output);
        var before = await rig.ResultsWhereAffirmingAsync(1, afterSeq: first.Seq, output);
        var hostBefore = await rig.Bridge.GetJsonAsync("/v1/hosts/edge-01");
        var akPublicBefore = AgentAkFile.ReadPublic(rig.Agent.StateDirectory);

        rig.Agent.Stop();
        Assert.Equal(0, rig.Agent.Process.ExitCode);
        // Results for readings sent just before the stop may still be on their way; they are not "after".
        await Task.Delay(TimeSpan.FromSeconds(1));
        var lastSeqBefore = Math.Max(before[^1].Seq, (ulong)hostBefore.GetProperty("lastSeq").GetUInt64());
        foreach (var late in rig.Results.Pending()) lastSeqBefore = Math.Max(lastSeqBefore, late.Seq);
        // Every reading the stopped agent made, answered yet or not: the restarted agent's first must come after them.
        lastSeqBefore = Math.Max(lastSeqBefore, ulong.Parse(File.ReadAllText(Path.Combine(rig.Agent.StateDirectory, "seq")).Trim(), System.Globalization.CultureInfo.InvariantCulture));
        var stoppedLog = rig.Agent.Process.Tail(200);

        rig.Agent.Start();
        var after = await rig.ResultsWhereAffirmingAsync(3, afterSeq: lastSeqBefore, output);
        var hostAfter = await rig.Bridge.GetJsonAsync("/v1/hosts/edge-01");
        var restartedLog = rig.Agent.Process.Tail(200);
        output.WriteLine($"--- agent before the restart ---\n{stoppedLog}\n--- agent after the restart ---\n{restartedLog}");

        Assert.Equal(hostBefore.GetProperty("akName").GetString(), hostAfter.GetProperty("akName").GetString());
        Assert.Equal(akPublicBefore, AgentAkFile.ReadPublic(rig.Agent.StateDirectory));
        Assert.True(hostAfter.GetProperty("enrolledAt").GetDateTimeOffset() > hostBefore.GetProperty("enrolledAt").GetDateTimeOffset(),
            "the restarted agent did not enroll again");
        Assert.Contains("using the AK at", restartedLog, StringComparison.Ordinal);
        Assert.DoesNotContain("creating a restricted", restartedLog, StringComparison.Ordinal);
        Assert.True(after[0].Seq > lastSeqBefore, $"first sequence after the restart {after[0].Seq} is not above {lastSeqBefore}");
        Assert.True(after.Zip(after.Skip(1)).All(p => p.Second.Seq > p.First.Seq), "sequence numbers after the restart increase");

        // Re-enrolling the same AK must not wipe the bridge's memory of what it accepted: a reading
        // recorded before the restart, sent again (same epoch, genuine quote), is no new reading. It is
        // answered with the result published for it then, and no second verdict is made.
        var earliestSeq = CanonicalReading.Decode(earliest.Reading).Seq;
        await using (var attacker = MqttClient.Create(new MqttClientOptions("127.0.0.1", rig.Broker.PlainPort, $"geoedge-replay-{Guid.NewGuid():N}"[..30])))
        {
            await attacker.ConnectAsync(CancellationToken.None);
            await attacker.PublishAsync(Topics.Readings("edge-01"), WireJson.Encode(earliest), MqttQos.AtLeastOnce);
        }
        var replayed = await rig.ResultWhereAsync(r => r.HostId == "edge-01" && r.Seq == earliestSeq, output);
        var verdicts = await rig.Bridge.GetJsonAsync("/v1/hosts/edge-01/verdicts?limit=1000");
        var stored = Assert.Single(verdicts.EnumerateArray(), v => v.TryGetProperty("seq", out var s) && s.GetUInt64() == earliestSeq);
        Assert.Equal(stored.GetProperty("ear").GetString(), replayed.Ear);
    }
}
