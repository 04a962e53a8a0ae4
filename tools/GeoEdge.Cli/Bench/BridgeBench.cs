using System.Diagnostics;
using System.Text.Json;
using GeoEdge.Hil.Rig.Composition;

namespace GeoEdge.Cli.Bench;

/// <summary>
/// Bridge verdicts per second: N simulated hosts enroll (real credential activation on swtpm), make
/// M attested readings each in advance (real quotes), then publish them all at once; the clock runs
/// from the first publish to the last result received over MQTT.
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

            progress($"publishing {work.Count} readings...");
            var clock = Stopwatch.StartNew();
            var publishing = Task.WhenAll(simulated.Select(h => Task.Run(async () =>
            {
                foreach (var item in work.Where(w => w.Host == h)) await h.PublishAsync(item.Topic, item.Payload, ct);
            }, ct)));
            var tsaBefore = rig.Tsa?.RequestCount ?? 0;
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
            return new Dictionary<string, object>
            {
                ["benchmark"] = "bridge",
                ["hosts"] = hosts,
                ["readings"] = work.Count,
                ["seconds"] = Math.Round(seconds, 3),
                ["verdictsPerSecond"] = Math.Round(work.Count / seconds, 1),
                ["swtpmQuoteMsPerReading"] = Math.Round(quoteMs, 2),
                // Every result is logged; these say how many carry a token and how many TSA requests made them.
                ["timestampedResults"] = timestamped,
                ["tsaRequests"] = (rig.Tsa?.RequestCount ?? 0) - tsaBefore,
            };
        }
        finally
        {
            foreach (var host in simulated) await host.DisposeAsync();
        }
    }

    public static string Json(Dictionary<string, object> figures) =>
        JsonSerializer.Serialize(figures.ToDictionary(kv => kv.Key, kv => JsonSerializer.SerializeToElement(kv.Value, kv.Value.GetType())));
}
