using System.Text;
using System.Text.Json;
using GeoEdge.Drivers.Gnss.Galileo;
using GeoEdge.Hil.Rig.Composition;

namespace GeoEdge.Cli.Bench;

/// <summary>
/// OSNMA verification cost over the official test vectors: every scenario (OsnmaBenchPlan) runs as a child
/// `geoedge-cli osnma ... --json`, so each peak working set is that run's own, plus configuration_1 once more
/// as a UBX capture to show what parsing a receiver's stream adds. Each case runs <c>runs</c> times in rounds
/// (all cases, then all again) so that a burst of load from elsewhere does not hit one case's every run;
/// times are the best run's, peak memory the largest of all runs. Prints one JSON line per case and a summary.
/// Each run is made twice: as `./geoedge osnma` runs (tiered JIT: a one-shot process spends much of an hour's
/// verification in quickly-jitted and instrumented code) and with DOTNET_TieredCompilation=0 (fully optimised
/// from the first call), which is closer to the agent, whose NativeAOT code is optimised ahead of time.
/// </summary>
public static class OsnmaBench
{
    /// <summary>The aim for the verifier: an hour of data (all satellites in view) in under a second on one core.</summary>
    public const double AimSecondsPerHourOfData = 1.0;

    private static readonly string[] Counters =
        ["tagsAuthenticated", "tagsFailed", "navDataAuthenticated", "krootVerified", "krootFailed", "publicKeysVerified", "publicKeysFailed", "macseqFailed", "teslaKeysFailed"];

    private static readonly string[] FailureCounters = ["tagsFailed", "krootFailed", "publicKeysFailed", "macseqFailed", "teslaKeysFailed"];

    /// <summary>Runs the benchmark; true when no case reported a failed check (every child exited 0).</summary>
    public static async Task<bool> RunAsync(int runs, Action<string> progress, Action<string> output, CancellationToken ct)
    {
        var cases = OsnmaBenchPlan.For(Path.Combine(RepoPaths.SharedTestData, "osnma")).ToList();
        var ubx = Path.Combine(Path.GetTempPath(), $"geoedge-bench-osnma-{Environment.ProcessId}.ubx");
        try
        {
            var reference = cases.First(c => c.PublicKey is not null && c.Kroot is null);
            progress($"writing {reference.Scenario} as a UBX capture ({ubx})...");
            UbxRecordingWriter.WriteFile(ubx, OsnmaTestVectorFile.Read(reference.Input), gzip: false);
            cases.Add(reference with { Input = ubx });

            var tiered = cases.ToDictionary(c => c, _ => new List<CliChildResult>());
            var optimised = cases.ToDictionary(c => c, _ => new List<CliChildResult>());
            for (var round = 1; round <= runs; round++)
                foreach (var c in cases)
                {
                    progress($"run {round}/{runs}: {c.Scenario} {c.StartMode} ({Path.GetFileName(c.Input)})...");
                    tiered[c].Add(await CliChildProcess.RunJsonAsync(c.Arguments(), null, ct));
                    optimised[c].Add(await CliChildProcess.RunJsonAsync(c.Arguments(), FullyOptimised, ct));
                }

            var lines = cases.Select(c => Line(c, tiered[c], optimised[c], new FileInfo(c.Input).Length)).ToList();
            foreach (var line in lines) output(Json(line));
            output(Json(Summary(lines, runs)));
            return tiered.Values.Concat(optimised.Values).All(r => r.All(x => x.ExitCode == 0));
        }
        finally
        {
            File.Delete(ubx);
        }
    }

    private static Dictionary<string, object?> Line(OsnmaBenchCase c, List<CliChildResult> runs, List<CliChildResult> optimisedRuns, long inputBytes)
    {
        var best = runs.MinBy(r => Seconds(r.Json, "processingSeconds"))!.Json;
        foreach (var other in runs.Concat(optimisedRuns))
            foreach (var counter in Counters)
                if (other.Json.GetProperty(counter).GetInt64() != best.GetProperty(counter).GetInt64())
                    throw new InvalidOperationException($"{c.Scenario} {c.StartMode}: {counter} differs between runs of the same input; the verifier is not deterministic");
        var pages = best.GetProperty("pages").GetInt64();
        var dataSeconds = best.GetProperty("dataSeconds").GetInt64();
        var processing = Seconds(best, "processingSeconds");
        var optimised = optimisedRuns.Min(r => Seconds(r.Json, "processingSeconds"));
        var line = new Dictionary<string, object?>
        {
            ["benchmark"] = "osnma",
            ["scenario"] = c.Scenario,
            ["startMode"] = best.GetProperty("startMode").GetString(),
            ["format"] = best.GetProperty("format").GetString(),
            ["inputBytes"] = inputBytes,
            ["runs"] = runs.Count,
            ["pages"] = pages,
            ["dataSeconds"] = dataSeconds,
            ["loadSeconds"] = runs.Min(r => Seconds(r.Json, "loadSeconds")),
            ["processingSeconds"] = processing,
            ["processingCpuSeconds"] = runs.Min(r => Seconds(r.Json, "processingCpuSeconds")),
            ["secondsPerHourOfData"] = dataSeconds == 0 ? null : Math.Round(processing * 3600 / dataSeconds, 4),
            ["pagesPerSecond"] = processing == 0 ? null : Math.Round(pages / processing),
            ["optimisedProcessingSeconds"] = optimised,
            ["optimisedSecondsPerHourOfData"] = dataSeconds == 0 ? null : Math.Round(optimised * 3600 / dataSeconds, 4),
            ["peakWorkingSetBytes"] = runs.Max(r => r.Json.GetProperty("peakWorkingSetBytes").GetInt64()),
            ["firstAuthenticatedSeconds"] = best.GetProperty("firstAuthenticatedSeconds") is { ValueKind: JsonValueKind.Number } first ? first.GetInt64() : null,
        };
        foreach (var counter in Counters) line[counter] = best.GetProperty(counter).GetInt64();
        line["exitCode"] = runs.Max(r => r.ExitCode);
        return line;
    }

    private static Dictionary<string, object?> Summary(List<Dictionary<string, object?>> lines, int runs)
    {
        static double Worst(IEnumerable<Dictionary<string, object?>> lines, string figure) =>
            lines.Select(l => l[figure]).OfType<double>().DefaultIfEmpty(double.NaN).Max();
        var worst = Worst(lines, "secondsPerHourOfData");
        var worstOptimised = Worst(lines, "optimisedSecondsPerHourOfData");
        var summary = new Dictionary<string, object?>
        {
            ["benchmark"] = "osnma-summary",
            ["cases"] = lines.Count,
            ["runsPerCase"] = runs,
            ["pages"] = lines.Sum(l => (long)l["pages"]!),
            ["dataHours"] = Math.Round(lines.Sum(l => (long)l["dataSeconds"]!) / 3600.0, 3),
            ["processingSeconds"] = Math.Round(lines.Sum(l => (double)l["processingSeconds"]!), 4),
            ["worstSecondsPerHourOfData"] = worst,
            ["worstOptimisedSecondsPerHourOfData"] = worstOptimised,
            ["maxPeakWorkingSetBytes"] = lines.Max(l => (long)l["peakWorkingSetBytes"]!),
        };
        foreach (var counter in FailureCounters) summary[counter] = lines.Sum(l => (long)l[counter]!);
        summary["aimSecondsPerHourOfData"] = AimSecondsPerHourOfData;
        summary["meetsAim"] = worst < AimSecondsPerHourOfData;
        summary["optimisedMeetsAim"] = worstOptimised < AimSecondsPerHourOfData;
        return summary;
    }

    private static readonly Dictionary<string, string> FullyOptimised = new() { ["DOTNET_TieredCompilation"] = "0" };

    private static double Seconds(JsonElement json, string name) => json.GetProperty(name).GetDouble();

    /// <summary>One JSON line; values are the strings, whole numbers, reals and nulls built above.</summary>
    private static string Json(Dictionary<string, object?> figures)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            foreach (var (name, value) in figures)
            {
                switch (value)
                {
                    case null: w.WriteNull(name); break;
                    case string s: w.WriteString(name, s); break;
                    case bool b: w.WriteBoolean(name, b); break;
                    case int i: w.WriteNumber(name, i); break;
                    case long l: w.WriteNumber(name, l); break;
                    case double d when double.IsFinite(d): w.WriteNumber(name, d); break;
                    case double: w.WriteNull(name); break;
                    default: throw new InvalidOperationException($"{name}: {value.GetType().Name} is not a benchmark figure type");
                }
            }
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
