using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GeoEdge.Ima;

namespace GeoEdge.Cli.Bench;

/// <summary>
/// IMA cost at the scale of a busy host: a generated ima-ng list of --entries entries (default 100,000; ASCII and binary)
/// and a Keylime policy listing every file, timed through parse (both formats), policy parse, PCR 10 replay (both
/// banks), full appraisal (template hash + policy lookup per entry) and the bridge's per-cycle path (prefix match
/// against the quote, appraisal, replay). Each stage runs --runs times (default 3); the best time is reported, with the
/// bytes it allocated and the process's peak working set so far. One JSON line per stage.
/// </summary>
public static class ImaBench
{
    public const string Usage = "usage: geoedge-cli bench ima [--entries N] [--runs N]";

    public static Task<int> RunAsync(string[] args)
    {
        var entries = BenchArgs.Option(args, "--entries", 100_000, Usage);
        var runs = BenchArgs.Option(args, "--runs", 3, Usage);
        var (list, policyJson) = Generate(entries);
        var ascii = Encoding.UTF8.GetBytes(ImaList.WriteAscii(list));
        var binary = ImaList.WriteBinary(list);
        var policy = RuntimePolicy.Parse(policyJson);
        var quoted = ImaReplay.Extend(ImaPcrState.Initial, list).Sha256;
        var clean = true;

        Stage("parse-ascii", entries, ascii.Length, runs, () => BenchArgs.Check("ima", ImaList.ParseAscii(ascii).Count == entries, "ASCII parse lost entries"));
        Stage("parse-binary", entries, binary.Length, runs, () => BenchArgs.Check("ima", ImaList.ParseBinary(binary).Count == entries, "binary parse lost entries"));
        Stage("parse-policy", policy.DigestCount, policyJson.Length, runs, () => BenchArgs.Check("ima", RuntimePolicy.Parse(policyJson).DigestCount == entries, "policy lost digests"));
        Stage("replay-pcr10", entries, binary.Length, runs, () => BenchArgs.Check("ima", ImaReplay.Extend(ImaPcrState.Initial, list).Entries == entries, "replay miscounted"));
        Stage("appraise", entries, binary.Length, runs, () =>
        {
            var appraiser = new ImaAppraiser(policy);
            var failed = 0;
            foreach (var e in list) failed += appraiser.Appraise(e).Passed ? 0 : 1;
            clean &= BenchArgs.Check("ima", failed == 0, $"{failed} generated entries failed appraisal");
        });
        Stage("incremental-cycle", entries, binary.Length, runs, () =>
        {
            var result = ImaIncrementalAppraisal.Appraise(ImaPcrState.Initial, list, "sha256", quoted, new ImaAppraiser(policy), null);
            clean &= BenchArgs.Check("ima", result.Passed && result.Accepted == entries, result.ReplayError ?? $"{result.Failures.Count} failures");
        });
        return Task.FromResult(clean ? 0 : 1);
    }

    /// <summary>Deterministic ima-ng entries (sha256 file digests) and the policy that lists each of them.</summary>
    private static (List<ImaEntry> List, byte[] PolicyJson) Generate(int count)
    {
        var list = new List<ImaEntry>(count);
        using var policy = new MemoryStream();
        using (var json = new Utf8JsonWriter(policy))
        {
            json.WriteStartObject();
            json.WriteStartObject("meta");
            json.WriteNumber("version", 1);
            json.WriteEndObject();
            json.WriteStartObject("digests");
            Span<byte> seed = stackalloc byte[4];
            for (var i = 0; i < count; i++)
            {
                BitConverter.TryWriteBytes(seed, i);
                var digest = new ImaDigest("sha256", SHA256.HashData(seed));
                var path = $"/usr/lib/bench/d{i / 1000:000}/lib{i:000000}.so";
                list.Add(ImaEntry.Build(i, "ima-ng", digest, path));
                json.WriteStartArray(path);
                json.WriteStringValue(Convert.ToHexStringLower(digest.Value));
                json.WriteEndArray();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return (list, policy.ToArray());
    }

    private static void Stage(string name, int items, long inputBytes, int runs, Action action)
    {
        var best = TimeSpan.MaxValue;
        long allocated = 0;
        for (var run = 0; run < runs; run++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            action();
            watch.Stop();
            if (watch.Elapsed < best)
            {
                best = watch.Elapsed;
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            }
        }
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("benchmark", "ima");
            json.WriteString("stage", name);
            json.WriteNumber("items", items);
            json.WriteNumber("inputBytes", inputBytes);
            json.WriteNumber("runs", runs);
            json.WriteNumber("ms", Math.Round(best.TotalMilliseconds, 2));
            json.WriteNumber("itemsPerSecond", Math.Round(items / best.TotalSeconds));
            json.WriteNumber("allocatedBytes", allocated);
            // Read after the stage so the peak covers it; it is the process's peak so far (VmHWM on Linux).
            json.WriteNumber("peakWorkingSetBytes", Process.GetCurrentProcess().PeakWorkingSet64);
            json.WriteEndObject();
        }
        Console.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }
}
