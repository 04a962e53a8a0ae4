using System.Diagnostics;
using System.Globalization;
using System.Text;
using GeoEdge.Geolocation;

namespace GeoEdge.Cli.Bench;

/// <summary>
/// GL at the scale of a national cell export: a generated OpenCellID-format CSV of --cells cells (default
/// 1,000,000) imported into a fresh SQLite cell database (rows/s), then --lookups random cell lookups
/// (lookups/s, latency percentiles) and as many fusion decisions (lookup + fuse of a GNSS fix near the cell
/// with a network TRUE: decisions/s). One JSON line per stage. Exit status 1 when a figure is implausible
/// (rows lost in the import, a lookup missing, a decision not graded A).
/// </summary>
public static class GeolocationBench
{
    public const string Usage = "usage: geoedge-cli bench geolocation [--cells N] [--lookups N]";

    private static readonly int[] Mccs = [214, 268, 208, 262, 222, 234];

    public static Task<int> RunAsync(string[] args)
    {
        var cells = BenchArgs.Option(args, "--cells", 1_000_000, Usage);
        var lookups = BenchArgs.Option(args, "--lookups", 200_000, Usage);
        var dir = Directory.CreateTempSubdirectory("geoedge-bench-geoloc-");
        try
        {
            var csvPath = Path.Combine(dir.FullName, "cells.csv");
            var generated = Stopwatch.StartNew();
            Generate(csvPath, cells);
            generated.Stop();
            using var db = new CellDatabase(Path.Combine(dir.FullName, "cells.db"));
            var clean = Import(db, csvPath, cells, generated.Elapsed);
            clean &= Lookups(db, cells, lookups);
            clean &= Decisions(db, cells, lookups);
            return Task.FromResult(clean ? 0 : 1);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Cell i of the generated set: unique key, position spread over western Europe. Deterministic.</summary>
    private static CellRecord CellAt(int i)
    {
        var random = new Random(i);
        var radio = (i % 10) switch { < 6 => RadioType.Lte, < 8 => RadioType.Nr, 8 => RadioType.Umts, _ => RadioType.Gsm };
        return new CellRecord(radio, Mccs[i % Mccs.Length], i % 7 + 1, 1 + i % 60_000, i / 60_000 * 256 + 1 + i % 255,
            Math.Round(36 + random.NextDouble() * 22, 6), Math.Round(-9 + random.NextDouble() * 24, 6),
            200 + random.Next(5_000), 1 + random.Next(500), DateTimeOffset.FromUnixTimeSeconds(1_600_000_000 + i));
    }

    private static void Generate(string path, int count)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 20);
        writer.WriteLine(OpenCellIdCsv.Header);
        for (var i = 0; i < count; i++) writer.WriteLine(OpenCellIdCsv.Format(CellAt(i)));
    }

    private static bool Import(CellDatabase db, string csvPath, int cells, TimeSpan generation)
    {
        ImportResult result;
        using (var csv = File.OpenRead(csvPath)) result = db.Import(csv);
        var seconds = result.Elapsed.TotalSeconds;
        Console.WriteLine(BridgeBench.Json(new Dictionary<string, object>
        {
            ["benchmark"] = "geolocation",
            ["stage"] = "import",
            ["cells"] = cells,
            ["csvBytes"] = new FileInfo(csvPath).Length,
            ["generateSeconds"] = Math.Round(generation.TotalSeconds, 2),
            ["seconds"] = Math.Round(seconds, 2),
            ["rowsPerSecond"] = Math.Round(cells / seconds),
            ["imported"] = result.Imported,
            ["skipped"] = result.Skipped,
            ["dbBytes"] = new FileInfo(Path.ChangeExtension(csvPath, ".db")).Length,
            ["peakWorkingSetBytes"] = Process.GetCurrentProcess().PeakWorkingSet64,
        }));
        return BenchArgs.Check("geolocation", result.Imported == cells && result.Skipped == 0, $"import stored {result.Imported} of {cells} cells, skipped {result.Skipped}");
    }

    private static bool Lookups(CellDatabase db, int cells, int count)
    {
        var keys = RandomCells(cells, count, seed: 1);
        var latencies = new double[count];
        var misses = 0;
        var total = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var c = keys[i];
            var start = Stopwatch.GetTimestamp();
            if (db.Lookup(c.Radio, c.Mcc, c.Mnc, c.Area, c.Cell) is null) misses++;
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }
        total.Stop();
        Console.WriteLine(BridgeBench.Json(new Dictionary<string, object>
        {
            ["benchmark"] = "geolocation",
            ["stage"] = "lookup",
            ["lookups"] = count,
            ["seconds"] = Math.Round(total.Elapsed.TotalSeconds, 3),
            ["lookupsPerSecond"] = Math.Round(count / total.Elapsed.TotalSeconds),
            ["p50Microseconds"] = Math.Round(Stats.Percentile(latencies, 50), 1),
            ["p99Microseconds"] = Math.Round(Stats.Percentile(latencies, 99), 1),
            ["misses"] = misses,
        }));
        return BenchArgs.Check("geolocation", misses == 0, $"{misses} lookups of stored cells missed");
    }

    /// <summary>The bridge's per-reading GL work: look the serving cell up, fuse it with a fix ~300 m away and a network TRUE.</summary>
    private static bool Decisions(CellDatabase db, int cells, int count)
    {
        var keys = RandomCells(cells, count, seed: 2);
        var grades = new int[Enum.GetValues<LocationGrade>().Length];
        var now = DateTimeOffset.UtcNow;
        var total = Stopwatch.StartNew();
        foreach (var key in keys)
        {
            var found = db.Lookup(key.Radio, key.Mcc, key.Mnc, key.Area, key.Cell);
            var fixLat = key.Latitude + 0.0027;
            var fix = new GnssObservation(fixLat, key.Longitude, 8, Authenticated: true, now);
            var cell = found is null ? CellObservation.Unknown : CellObservation.Found(found);
            var network = new NetworkObservation(VerificationResult.True, null, fixLat, key.Longitude, 2000);
            var previous = new PreviousLocation(fixLat, key.Longitude, 10, now.AddMinutes(-5));
            grades[(int)LocationFusion.Fuse(new FusionInput(fix, cell, network, previous, FusionOptions.Default)).Grade]++;
        }
        total.Stop();
        Console.WriteLine(BridgeBench.Json(new Dictionary<string, object>
        {
            ["benchmark"] = "geolocation",
            ["stage"] = "lookup-and-fuse",
            ["decisions"] = count,
            ["seconds"] = Math.Round(total.Elapsed.TotalSeconds, 3),
            ["decisionsPerSecond"] = Math.Round(count / total.Elapsed.TotalSeconds),
            ["gradeA"] = grades[(int)LocationGrade.A],
        }));
        return BenchArgs.Check("geolocation", grades[(int)LocationGrade.A] == count, $"{count - grades[(int)LocationGrade.A]} decisions were not graded A");
    }

    private static CellRecord[] RandomCells(int cells, int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => CellAt(random.Next(cells))).ToArray();
    }
}
