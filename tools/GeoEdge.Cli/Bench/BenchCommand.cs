using System.Globalization;

namespace GeoEdge.Cli.Bench;

/// <summary>`geoedge bench`: prints one JSON line of figures per benchmark (docs/benchmarks.md).</summary>
public static class BenchCommand
{
    public const string Usage = """
        usage: ./geoedge bench [agent|bridge|all] [--readings N] [--hosts N] [--interval SECONDS]

          agent    agent size, steady RSS, fix-to-verdict latency (uses GEOEDGE_AGENT_EXE when set;
                   ./geoedge bench sets it to the NativeAOT build)
          bridge   verdicts per second with --hosts simulated hosts x --readings readings each
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var which = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "all";
        int Option(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            if (i < 0) return fallback;
            return i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v > 0
                ? v : throw new ArgumentException($"{name} needs a positive whole number");
        }
        if (which is not ("agent" or "bridge" or "all")) throw new ArgumentException($"unknown benchmark '{which}'\n{Usage}");
        void Progress(string m) => Console.Error.WriteLine($"bench: {m}");
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        if (which is "agent" or "all")
            Console.WriteLine(BridgeBench.Json(await AgentBench.RunAsync(Option("--readings", 20), Option("--interval", 1), Progress, cts.Token)));
        if (which is "bridge" or "all")
            Console.WriteLine(BridgeBench.Json(await BridgeBench.RunAsync(Option("--hosts", 8), Option("--readings", 25), Progress, cts.Token)));
        return 0;
    }
}
