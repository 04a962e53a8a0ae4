using System.Collections.Concurrent;
using System.Globalization;
using GeoEdge.Drivers.Mqtt;
using GeoEdge.Hil.Rig.Composition;
using GeoEdge.Wire;
using GeoEdge.Wire.Messages;
using GeoEdge.Wire.Readings;

namespace GeoEdge.Cli.Bench;

/// <summary>
/// The agent on the rig (the NativeAOT executable when GEOEDGE_AGENT_EXE names it): executable size,
/// steady resident memory, and latency from the GNSS fix's NMEA time (and from the reading's own
/// time) to the verdict arriving over MQTT, as any subscriber on the broker, the agent included, sees it.
/// </summary>
public static class AgentBench
{
    public static async Task<Dictionary<string, object>> RunAsync(int readings, int intervalSeconds, Action<string> progress, CancellationToken ct)
    {
        var exe = Environment.GetEnvironmentVariable("GEOEDGE_AGENT_EXE");
        await using var rig = await GeoEdgeRig.StartAsync(new RigOptions { IntervalSeconds = intervalSeconds }, progress);
        var readingTimes = new ConcurrentDictionary<ulong, (DateTimeOffset Reading, DateTimeOffset? Fix)>();
        await using var tap = MqttClient.Create(new MqttClientOptions("127.0.0.1", rig.Broker.PlainPort, "geoedge-bench-tap"));
        await tap.ConnectAsync(ct);
        await tap.SubscribeAsync(Topics.Readings(rig.Options.HostId), MqttQos.AtLeastOnce, ct);
        var tapping = Task.Run(async () =>
        {
            await foreach (var m in tap.Messages.ReadAllAsync(ct))
            {
                var reading = CanonicalReading.Decode(WireJson.Decode<AttestedReading>(m.Payload).Reading);
                readingTimes[reading.Seq] = (reading.Time, reading.Fix?.Time);
            }
        }, ct);

        rig.StartAgent();
        var fromFix = new List<double>();
        var fromReading = new List<double>();
        var rss = new List<long>();
        for (var n = 0; n < readings; n++)
        {
            var result = await rig.Results.NextAsync(TimeSpan.FromSeconds(60));
            var arrived = DateTimeOffset.UtcNow;
            if (readingTimes.TryGetValue(result.Seq, out var t))
            {
                fromReading.Add((arrived - t.Reading).TotalMilliseconds);
                if (t.Fix is { } fix) fromFix.Add((arrived - fix).TotalMilliseconds);
            }
            if (n >= readings / 2) rss.Add(ResidentKilobytes(rig.Agent.Process.Pid));
        }
        return new Dictionary<string, object>
        {
            ["benchmark"] = "agent",
            ["agent"] = string.IsNullOrEmpty(exe) ? "managed (dotnet geoedge-agent.dll)" : exe,
            ["executableBytes"] = string.IsNullOrEmpty(exe) ? 0 : new FileInfo(exe).Length,
            ["readings"] = readings,
            ["intervalSeconds"] = intervalSeconds,
            ["steadyRssKiB"] = rss.Count == 0 ? 0 : rss.Max(),
            ["fixToVerdictMsP50"] = Math.Round(Stats.Percentile(fromFix, 50), 1),
            ["fixToVerdictMsP95"] = Math.Round(Stats.Percentile(fromFix, 95), 1),
            ["readingToVerdictMsP50"] = Math.Round(Stats.Percentile(fromReading, 50), 1),
            ["readingToVerdictMsP95"] = Math.Round(Stats.Percentile(fromReading, 95), 1),
        };
    }

    /// <summary>VmRSS of a process, from /proc.</summary>
    private static long ResidentKilobytes(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return 0;
    }
}
