using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using GeoEdge.MeasuredBoot;

namespace GeoEdge.Cli.Bench;

/// <summary>
/// `geoedge bench eventlog`: for every real event log of the shared test data, the median time to parse and
/// replay it in process (microseconds, --runs N times after a warm-up) next to the median wall time of
/// `tpm2_eventlog FILE` on the same bytes (a process each, --tool-runs N times). One JSON line per file, then
/// a summary line. Logs stored as base64 or inside JSON are written to a temporary file for tpm2_eventlog.
/// </summary>
public static class EventLogBench
{
    public const string Usage = """
        usage: ./geoedge bench eventlog [--runs N] [--tool-runs N] [--testdata DIR]

          --runs       parse+replay repetitions per log (default 200, after 20 warm-up runs)
          --tool-runs  tpm2_eventlog runs per log (default 5); skipped when tpm2_eventlog is not installed
          --testdata   the shared tpm test data (default ../shared/testdata/tpm beside the repository)
        """;

    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = Option(args, "--runs", 200);
        var toolRuns = Option(args, "--tool-runs", 5);
        var root = OptionText(args, "--testdata") ?? DefaultTestData();
        var logs = FindLogs(Path.Combine(root, "eventlogs"));
        if (logs.Count == 0) throw new ArgumentException($"no event logs under {root}/eventlogs");
        var toolAvailable = await ToolAvailableAsync();
        double totalOurs = 0, totalTool = 0;
        var toolFiles = 0;
        foreach (var (name, bytes) in logs)
        {
            var log = TcgEventLog.Parse(bytes);
            var ours = TimeParseReplay(bytes, runs);
            (double Median, int Exit)? tool = toolAvailable ? await TimeToolAsync(bytes, toolRuns) : null;
            totalOurs += Stats.Percentile(ours, 50);
            if (tool is { Exit: 0 } t) { totalTool += t.Median; toolFiles++; }
            Console.WriteLine(Line(w =>
            {
                w.WriteString("bench", "eventlog");
                w.WriteString("file", name);
                w.WriteNumber("bytes", bytes.Length);
                w.WriteNumber("events", log.Events.Count);
                w.WriteString("format", log.Format.Name());
                w.WriteNumber("parseReplayMedianUs", Round(Stats.Percentile(ours, 50)));
                w.WriteNumber("parseReplayP95Us", Round(Stats.Percentile(ours, 95)));
                if (tool is { } r)
                {
                    w.WriteNumber("tpm2EventlogMedianMs", Round(r.Median));
                    w.WriteNumber("tpm2EventlogExit", r.Exit);
                }
                else w.WriteNull("tpm2EventlogMedianMs");
            }));
        }
        Console.WriteLine(Line(w =>
        {
            w.WriteString("bench", "eventlog-summary");
            w.WriteNumber("files", logs.Count);
            w.WriteNumber("runs", runs);
            w.WriteNumber("parseReplayTotalMedianUs", Round(totalOurs));
            w.WriteNumber("parseReplayMeanPerFileUs", Round(totalOurs / logs.Count));
            w.WriteNumber("processorCount", Environment.ProcessorCount);
            if (toolAvailable)
            {
                w.WriteNumber("tpm2EventlogFiles", toolFiles);
                w.WriteNumber("tpm2EventlogTotalMedianMs", Round(totalTool));
            }
        }));
        return 0;
    }

    /// <summary>Each parse+replay timed alone, in microseconds; the first runs only warm up the JIT.</summary>
    private static List<double> TimeParseReplay(byte[] bytes, int runs)
    {
        for (var i = 0; i < 20; i++) PcrReplay.Replay(TcgEventLog.Parse(bytes));
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            PcrReplay.Replay(TcgEventLog.Parse(bytes));
            times.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
        }
        return times;
    }

    /// <summary>Median wall time of `tpm2_eventlog FILE` (milliseconds) and its exit status.</summary>
    private static async Task<(double Median, int Exit)> TimeToolAsync(byte[] bytes, int runs)
    {
        var file = Path.Combine(Path.GetTempPath(), $"geoedge-eventlog-bench-{Environment.ProcessId}.bin");
        await File.WriteAllBytesAsync(file, bytes);
        try
        {
            var times = new List<double>(runs);
            var exit = 0;
            for (var i = 0; i < runs; i++)
            {
                var start = Stopwatch.GetTimestamp();
                exit = await RunToolAsync(file);
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            return (Stats.Percentile(times, 50), exit);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<int> RunToolAsync(params string[] args)
    {
        var start = new ProcessStartInfo("tpm2_eventlog") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start tpm2_eventlog");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ToolTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"tpm2_eventlog {string.Join(' ', args)} did not finish within {ToolTimeout.TotalSeconds} s");
        }
        await stdout;
        await stderr;
        return process.ExitCode;
    }

    private static async Task<bool> ToolAvailableAsync()
    {
        try
        {
            return await RunToolAsync("--version") == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>Every parsable log: binary files, keylime's base64 one, and the log inside the Windows GCP JSON.</summary>
    private static List<(string Name, byte[] Bytes)> FindLogs(string folder)
    {
        var logs = new List<(string, byte[])>();
        if (!Directory.Exists(folder)) return logs;
        foreach (var path in Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(folder, path);
            if (name.Contains("expected-yaml", StringComparison.Ordinal) || name.EndsWith("reference_state.json", StringComparison.Ordinal)) continue;
            var bytes = File.ReadAllBytes(path);
            try
            {
                if (name.EndsWith(".b64", StringComparison.Ordinal)) bytes = Convert.FromBase64String(Encoding.ASCII.GetString(bytes).Trim());
                else if (name.EndsWith(".json", StringComparison.Ordinal))
                    bytes = JsonDocument.Parse(bytes).RootElement.GetProperty("Log").GetProperty("Raw").GetBytesFromBase64();
                TcgEventLog.Parse(bytes);
            }
            catch (Exception e) when (e is EventLogException or FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
            {
                continue; // the deliberately broken files (empty, bogus) are for the parser's tests, not for timing
            }
            logs.Add((name, bytes));
        }
        return logs;
    }

    private static string Line(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static double Round(double value) => Math.Round(value, 1);

    private static int Option(string[] args, string name, int fallback)
    {
        var text = OptionText(args, name);
        if (text is null) return fallback;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value : throw new ArgumentException($"{name} needs a positive whole number");
    }

    private static string? OptionText(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        if (i < 0) return null;
        return i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{name} needs a value");
    }

    private static string DefaultTestData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GeoEdge.sln"))) return Path.Combine(dir.FullName, "..", "shared", "testdata", "tpm");
        throw new ArgumentException("no GeoEdge.sln above the CLI; pass --testdata DIR");
    }
}
