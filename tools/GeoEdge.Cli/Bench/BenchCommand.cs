using System.Globalization;

namespace GeoEdge.Cli.Bench;

/// <summary>`geoedge bench`: prints one JSON line of figures per benchmark (docs/benchmarks.md).</summary>
public static class BenchCommand
{
    public const string Usage = """
        usage: ./geoedge bench [agent|bridge|osnma|all] [--readings N] [--hosts N] [--interval SECONDS] [--runs N] [--no-tsa]
               ./geoedge bench eventlog [--runs N]     (bench eventlog --help)
               ./geoedge bench ima [--entries N] [--runs N]  (bench ima --help)
               ./geoedge bench geolocation [--cells N] [--lookups N]  (bench geolocation --help)
               ./geoedge bench timestamping [--requests N]  (RFC 3161 timestamps/s against the rig's openssl TSA)

          agent    agent size, steady RSS, fix-to-verdict latency (uses GEOEDGE_AGENT_EXE when set;
                   ./geoedge bench sets it to the NativeAOT build)
          bridge   verdicts per second with --hosts simulated hosts x --readings readings each, every result
                   logged and time-stamped by the rig's openssl TSA (--no-tsa: the rig runs no TSA)
          osnma    OSNMA verification of every official test-vector scenario (../shared/testdata/osnma), each
                   in its own `geoedge-cli osnma` process, --runs times (default 3; best time, largest peak
                   memory), each also with DOTNET_TieredCompilation=0 (optimised code from the start, as in
                   the NativeAOT agent), plus configuration_1 as a UBX capture; one JSON line per case, a summary
        Exit status of osnma: 1 when a scenario reported a failed check (its line says which).
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
        if (which is not ("agent" or "bridge" or "osnma" or "all")) throw new ArgumentException($"unknown benchmark '{which}'\n{Usage}");
        void Progress(string m) => Console.Error.WriteLine($"bench: {m}");
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        if (which is "agent" or "all")
            Console.WriteLine(BridgeBench.Json(await AgentBench.RunAsync(Option("--readings", 20), Option("--interval", 1), Progress, cts.Token)));
        if (which is "bridge" or "all")
            Console.WriteLine(BridgeBench.Json(await BridgeBench.RunAsync(Option("--hosts", 8), Option("--readings", 25), !args.Contains("--no-tsa"), Progress, cts.Token)));
        var clean = true;
        if (which is "osnma" or "all")
        {
            // Its own limit: one child process per case and run, each also bounded by CliChildProcess.Timeout.
            using var osnma = new CancellationTokenSource(TimeSpan.FromMinutes(30));
            clean = await OsnmaBench.RunAsync(Option("--runs", 3), Progress, Console.WriteLine, osnma.Token);
        }
        return clean ? 0 : 1;
    }
}
