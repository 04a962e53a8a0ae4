using System.Diagnostics;
using System.Text.Json;
using GeoEdge.Hil.Rig.Composition;

namespace GeoEdge.Cli.Bench;

/// <summary>
/// Bridge verdicts per second: N simulated hosts enroll (real credential activation on swtpm), make
/// M attested readings each in advance (real quotes), publish each host's first reading (boot log, IMA list,
/// the atlas if a policy needs it: timed as start-up), then all the others at once; the clock runs from their
/// first publish to the last result received over MQTT.
/// </summary>
public static class BridgeBench
{
    public static async Task<Dictionary<string, object>> RunAsync(int hosts, int readingsPerHost, bool timestamping, Action<string> progress, CancellationToken ct)
    {
        await using var rig = await GeoEdgeRig.StartAsync(new RigOptions { PolicyJson = null, JurisdictionPolicyJson = null, Timestamping = timestamping }, progress);
        var simulated = new List<SimulatedHost>();
        try
        {
            progress($"enrolling {hosts} simulated hosts...");
            for (var i = 0; i < hosts; i++)
            {
                var id = $"bench-{i:D3}";
                var put = await rig.Bridge.PutPolicyAsync(id, "madrid-5km", RigOptions.DefaultPolicy);
                put.EnsureSuccessStatusCode();
                simulated.Add(await SimulatedHost.EnrollAsync(id, rig.Tpm.Tcti, 0x81010100u + (uint)i, rig.Directory.Sub(id), rig.Broker.PlainPort,
                    new Agent.Configuration.MeasurementsConfig { BootLog = rig.Measured.BootLogPath, ImaList = rig.Measured.ImaListPath }, ct));
            }
            progress($"quoting {hosts * readingsPerHost} readings in advance...");
            var quoting = Stopwatch.StartNew();
            var work = new List<(SimulatedHost Host, string Topic, byte[] Payload)>();
            for (var seq = 1ul; seq <= (ulong)readingsPerHost; seq++)
                foreach (var host in simulated)
                {
                    var (topic, payload) = host.MakeReading(seq, rig.Options.Latitude, rig.Options.Longitude);
                    work.Add((host, topic, payload));
                }
            var quoteMs = quoting.Elapsed.TotalMilliseconds / work.Count;

            // Each host's first reading carries its whole boot log and IMA list, and the first one that needs the
            // jurisdiction atlas loads it: that start-up is timed apart from the steady rate.
            progress($"publishing the first reading of each of the {hosts} hosts...");
            var first = await PublishAndCollectAsync(rig, simulated, work.Take(hosts).ToList(), ct);
            progress($"publishing the other {work.Count - hosts} readings...");
            var steady = await PublishAndCollectAsync(rig, simulated, work.Skip(hosts).ToList(), ct);
            return new Dictionary<string, object>
            {
                ["benchmark"] = "bridge",
                ["hosts"] = hosts,
                ["readings"] = steady.Results,
                ["seconds"] = Math.Round(steady.Seconds, 3),
                ["verdictsPerSecond"] = Math.Round(steady.Results / steady.Seconds, 1),
                ["firstReadingsSeconds"] = Math.Round(first.Seconds, 3),
                ["swtpmQuoteMsPerReading"] = Math.Round(quoteMs, 2),
                ["publishMsP50"] = Math.Round(steady.PublishMsP50, 1),
                // Every result is logged; these say how many carry a token and how many TSA requests made them.
                ["timestampedResults"] = steady.Timestamped,
                ["tsaRequests"] = steady.TsaRequests,
            };
        }
        finally
        {
            foreach (var host in simulated) await host.DisposeAsync();
        }
    }

    private sealed record Round(int Results, double Seconds, int Timestamped, int TsaRequests, double PublishMsP50);

    /// <summary>
    /// Publishes the readings (each host its own one after another, each awaiting the broker's PUBACK, as an agent
    /// does) and times them from the first publish to the last result; every result must be affirming.
    /// </summary>
    private static async Task<Round> PublishAndCollectAsync(GeoEdgeRig rig, List<SimulatedHost> simulated,
        List<(SimulatedHost Host, string Topic, byte[] Payload)> work, CancellationToken ct)
    {
        var tsaBefore = rig.Tsa?.RequestCount ?? 0;
        var clock = Stopwatch.StartNew();
        var publishMs = new System.Collections.Concurrent.ConcurrentBag<double>();
        var publishing = Task.WhenAll(simulated.Select(h => Task.Run(async () =>
        {
            foreach (var item in work.Where(w => w.Host == h))
            {
                var started = Stopwatch.GetTimestamp();
                await h.PublishAsync(item.Topic, item.Payload, ct);
                publishMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }, ct)));
        var (affirming, timestamped) = (0, 0);
        for (var n = 0; n < work.Count; n++)
        {
            var result = await rig.Results.NextAsync(TimeSpan.FromSeconds(60));
            if (result.EarStatus == "affirming") affirming++;
            if (result.EarTimestamp is not null) timestamped++;
        }
        var seconds = clock.Elapsed.TotalSeconds;
        await publishing;
        if (affirming != work.Count)
            throw new InvalidOperationException($"{work.Count - affirming} of {work.Count} verdicts were not affirming: the benchmark measured refusals");
        return new Round(work.Count, seconds, timestamped, (rig.Tsa?.RequestCount ?? 0) - tsaBefore, publishMs.Order().ElementAt(publishMs.Count / 2));
    }

    public static string Json(Dictionary<string, object> figures) =>
        JsonSerializer.Serialize(figures.ToDictionary(kv => kv.Key, kv => JsonSerializer.SerializeToElement(kv.Value, kv.Value.GetType())));
}
