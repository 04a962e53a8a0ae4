using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using GeoEdge.Geolocation;
using Microsoft.Data.Sqlite;

namespace GeoEdge.Cli.Cells;

/// <summary>
/// `geoedge cells`: fills GL's cell database from an OpenCellID / MLS export and looks cells up in it, the way
/// an operator prepares a bridge (the bridge reads the same SQLite file: Bridge:Geolocation:CellDatabase,
/// by default its Database file). Imports are upserts in batches: rerunning one after a failure is safe.
/// </summary>
public static class CellsCommand
{
    public const string Usage = """
        usage: ./geoedge cells import FILE [--database DB]
               ./geoedge cells lookup RADIO MCC MNC AREA CELL [--database DB]
               ./geoedge cells count [--database DB]

          import   upserts every cell of FILE, an OpenCellID or MLS export (radio,mcc,net,area,cell,unit,lon,lat,
                   range,...), plain CSV or gzip (cell_towers.csv.gz as downloaded); bad lines are skipped and the
                   first ones named (line, column, why); progress every 100,000 lines on stderr
          lookup   one cell: RADIO is GSM, UMTS, CDMA, LTE or NR (LTE-M and NB-IoT cells are LTE); AREA is the
                   LAC/TAC, CELL the CI/ECI/NCI, decimal or 0x-hex
          count    how many cells the database holds
          --database  the SQLite file (default geoedge-bridge.db, the bridge's default Database)
        Prints JSON. Exit status: 0 done, 1 nothing importable / cell not found / file broken or truncated
        (batches before the break stay imported), 2 bad arguments or an unusable file or database.
        """;

    private const string DefaultDatabase = "geoedge-bridge.db";

    /// <summary>Printed for people and scripts, not embedded in HTML: apostrophes and '+' stay as they are.</summary>
    private static readonly JsonSerializerOptions Printed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static int Run(string[] args)
    {
        if (args.Length == 0) throw new ArgumentException($"a subcommand is required\n{Usage}");
        var (positional, database) = Parse(args[1..]);
        try
        {
            return args[0] switch
            {
                "import" => Import(Single(positional, "FILE"), database),
                "lookup" => Lookup(positional, database),
                "count" when positional.Count == 0 => Count(database),
                "count" => throw new ArgumentException("count takes no arguments besides --database"),
                _ => throw new ArgumentException($"unknown subcommand '{args[0]}'\n{Usage}"),
            };
        }
        catch (SqliteException e)
        {
            Console.Error.WriteLine($"geoedge cells: the database '{database}' is not usable: {e.Message}");
            return 2;
        }
    }

    private static int Import(string file, string database)
    {
        using var export = OpenExport(file);
        if (export is null) return 2;
        using var cells = new CellDatabase(database);
        Console.Error.WriteLine($"geoedge cells: importing {file} into {database} ({cells.Count:N0} cells there now)...");
        var progress = new SynchronousProgress<ImportProgress>(p =>
            Console.Error.WriteLine($"geoedge cells: {p.LinesRead:N0} lines read, {p.Stored:N0} stored, {p.Skipped:N0} skipped"));
        ImportResult result;
        try
        {
            result = cells.Import(export, progress);
        }
        catch (CellExportException e)
        {
            Console.Error.WriteLine($"geoedge cells: {e.Message}; the batches read before it are imported ({cells.Count:N0} cells now), rerun the import with a whole file");
            return 1;
        }
        var seconds = result.Elapsed.TotalSeconds;
        var stored = result.Imported + result.Updated;
        Console.WriteLine(new JsonObject
        {
            ["file"] = file,
            ["database"] = database,
            ["imported"] = result.Imported,
            ["updated"] = result.Updated,
            ["skipped"] = result.Skipped,
            ["firstErrors"] = new JsonArray([.. result.FirstErrors.Select(e => (JsonNode)new JsonObject { ["line"] = e.Line, ["field"] = e.Field, ["message"] = e.Message })]),
            ["cells"] = cells.Count,
            ["seconds"] = Math.Round(seconds, 3),
            ["rowsPerSecond"] = seconds > 0 ? Math.Round(stored / seconds) : null,
        }.ToJsonString(Printed));
        foreach (var error in result.FirstErrors) Console.Error.WriteLine($"geoedge cells: skipped: {error.Message}");
        if (result.Skipped > result.FirstErrors.Count)
            Console.Error.WriteLine($"geoedge cells: ... and {result.Skipped - result.FirstErrors.Count:N0} more bad lines");
        if (stored > 0) return 0;
        Console.Error.WriteLine($"geoedge cells: {file} held no importable cell");
        return 1;
    }

    private static Stream? OpenExport(string file)
    {
        try
        {
            return CellExportFile.Open(file);
        }
        catch (CellExportException e)
        {
            Console.Error.WriteLine($"geoedge cells: {e.Message}");
            return null;
        }
    }

    private static int Lookup(IReadOnlyList<string> positional, string database)
    {
        if (positional.Count != 5) throw new ArgumentException($"lookup takes RADIO MCC MNC AREA CELL\n{Usage}");
        if (!RadioTypeNames.TryParse(positional[0], out var radio))
            throw new ArgumentException($"RADIO must be GSM, UMTS, CDMA, LTE or NR, got '{positional[0]}'");
        var mcc = (int)Integer(positional[1], "MCC", 999);
        var mnc = (int)Integer(positional[2], "MNC", 999);
        var area = Integer(positional[3], "AREA", 0xFFFFFF);
        var cell = Integer(positional[4], "CELL", radio.MaxCellId());
        RequireExisting(database);
        using var cells = new CellDatabase(database);
        if (cells.Lookup(radio, mcc, mnc, area, cell) is not { } found)
        {
            Console.Error.WriteLine($"geoedge cells: {radio.ToCsv()} {mcc}-{mnc} area {area} cell {cell} is not in {database}");
            return 1;
        }
        Console.WriteLine(new JsonObject
        {
            ["radio"] = found.Radio.ToCsv(), ["mcc"] = found.Mcc, ["mnc"] = found.Mnc, ["area"] = found.Area, ["cell"] = found.Cell,
            ["latitude"] = found.Latitude, ["longitude"] = found.Longitude, ["rangeMeters"] = found.RangeMeters,
            ["samples"] = found.Samples, ["updated"] = found.Updated?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        }.ToJsonString(Printed));
        return 0;
    }

    private static int Count(string database)
    {
        RequireExisting(database);
        using var cells = new CellDatabase(database);
        Console.WriteLine(new JsonObject { ["database"] = database, ["cells"] = cells.Count }.ToJsonString(Printed));
        return 0;
    }

    /// <summary>Looking up must not leave an empty database behind where the operator mistyped the path.</summary>
    private static void RequireExisting(string database)
    {
        if (!File.Exists(database)) throw new ArgumentException($"no database at '{database}' (import a cell export first, or give --database)");
    }

    private static long Integer(string text, string name, long max)
    {
        var hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        var ok = hex
            ? long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        return ok && value >= 0 && value <= max ? value : throw new ArgumentException($"{name} must be an integer from 0 to {max}, got '{text}'");
    }

    private static string Single(IReadOnlyList<string> positional, string name) =>
        positional.Count == 1 ? positional[0] : throw new ArgumentException($"one {name} expected, got {positional.Count}\n{Usage}");

    private static (List<string> Positional, string Database) Parse(string[] args)
    {
        var positional = new List<string>();
        var database = DefaultDatabase;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--database")
                database = i + 1 < args.Length ? args[++i] : throw new ArgumentException("--database needs a file");
            else if (args[i].StartsWith("--", StringComparison.Ordinal))
                throw new ArgumentException($"unknown option {args[i]}\n{Usage}");
            else
                positional.Add(args[i]);
        }
        return (positional, database);
    }

    /// <summary>Reports on the importing thread itself (Progress&lt;T&gt; would post to the thread pool and interleave lines).</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
