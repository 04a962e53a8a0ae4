using System.IO.Compression;
using System.Text;
using GeoEdge.Hil.Rig.Composition;
using GeoEdge.Hil.Rig.Processes;
using GeoEdge.Hil.Rig.Simulators.Modem;

namespace GeoEdge.Hil.Tests;

/// <summary>`geoedge cells` as an operator runs it: the rig's OpenCellID export, gzip'd as downloaded, into a bridge database.</summary>
public sealed class CellsCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("geoedge-cells-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(_dir.FullName, name);

    private string Export(string name, string csv)
    {
        var path = PathOf(name);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Optimal);
        gzip.Write(Encoding.ASCII.GetBytes(csv));
        return path;
    }

    [Fact]
    public async Task An_export_is_imported_with_its_bad_line_named_then_its_cells_are_found()
    {
        var lisbon = RigCellTowers.Lisbon;
        var csv = RigCellTowers.Csv(new RigOptions(), SimulatedCell.ExampleLte) + "LTE,268,6,7001,999999999999,0,-9.1,38.7,1000,3,1,0,0,0\n";
        var database = PathOf("bridge.db");

        var import = await GeoEdgeCli.RunAsync("cells", "import", Export("cell_towers.csv.gz", csv), "--database", database);
        Assert.True(import.ExitCode == 0, import.Stderr);
        Assert.Equal((2, 0, 1, 2), (import.Json.GetProperty("imported").GetInt32(), import.Json.GetProperty("updated").GetInt32(),
            import.Json.GetProperty("skipped").GetInt32(), import.Json.GetProperty("cells").GetInt32()));
        var bad = Assert.Single(import.Json.GetProperty("firstErrors").EnumerateArray());
        Assert.Equal((4, "cell"), (bad.GetProperty("line").GetInt32(), bad.GetProperty("field").GetString()));
        Assert.Contains("cell CSV line 4, field 'cell'", import.Stderr);

        var again = await GeoEdgeCli.RunAsync("cells", "import", Export("again.csv.gz", csv), "--database", database);
        Assert.Equal((0, 2), (again.Json.GetProperty("imported").GetInt32(), again.Json.GetProperty("updated").GetInt32()));

        var found = await GeoEdgeCli.RunAsync("cells", "lookup", "lte", "268", "06", "7001", $"0x{lisbon.CellId:X}", "--database", database);
        Assert.True(found.ExitCode == 0, found.Stderr);
        Assert.Equal(RigCellTowers.LisbonLatitude, found.Json.GetProperty("latitude").GetDouble(), 6);
        Assert.Equal(1200, found.Json.GetProperty("rangeMeters").GetInt32());

        var absent = await GeoEdgeCli.RunAsync("cells", "lookup", "NR", "268", "6", "7001", lisbon.CellId.ToString(), "--database", database);
        Assert.Equal(1, absent.ExitCode);
        Assert.Contains("is not in", absent.Stderr);

        var count = await GeoEdgeCli.RunAsync("cells", "count", "--database", database);
        Assert.Equal(2, count.Json.GetProperty("cells").GetInt32());
    }

    [Fact]
    public async Task A_truncated_download_fails_saying_so_and_keeps_what_was_stored()
    {
        var rows = new StringBuilder(RigCellTowers.Header).Append('\n');
        var random = new Random(5);
        for (var i = 0; i < 30_000; i++)
            rows.Append($"LTE,214,{random.Next(1, 30)},{random.Next(1, 60000)},{i},0,-3.{random.Next(100000, 999999)},40.{random.Next(100000, 999999)},{random.Next(100, 5000)},5,1,1600000000,1700000000,0\n");
        var whole = File.ReadAllBytes(Export("whole.csv.gz", rows.ToString()));
        var cut = PathOf("cut.csv.gz");
        File.WriteAllBytes(cut, whole[..(whole.Length * 9 / 10)]);
        var database = PathOf("bridge.db");

        var import = await GeoEdgeCli.RunAsync("cells", "import", cut, "--database", database);
        Assert.Equal(1, import.ExitCode);
        Assert.Contains("truncated or corrupt gzip file", import.Stderr);
        Assert.Equal("", import.Stdout);
        var count = await GeoEdgeCli.RunAsync("cells", "count", "--database", database);
        Assert.InRange(count.Json.GetProperty("cells").GetInt32(), 20_000, 29_999); // the first batch of 20,000 was committed
    }

    [Fact]
    public async Task Wrong_arguments_are_refused_without_creating_a_database()
    {
        var database = PathOf("typo.db");
        var missingDb = await GeoEdgeCli.RunAsync("cells", "lookup", "LTE", "214", "7", "1", "2", "--database", database);
        Assert.Equal(2, missingDb.ExitCode);
        Assert.Contains("no database at", missingDb.Stderr);
        Assert.False(File.Exists(database));

        var radio = await GeoEdgeCli.RunAsync("cells", "lookup", "WIFI", "214", "7", "1", "2", "--database", database);
        Assert.Equal(2, radio.ExitCode);
        Assert.Contains("RADIO must be", radio.Stderr);

        var cellTooLarge = await GeoEdgeCli.RunAsync("cells", "lookup", "GSM", "214", "7", "1", "70000", "--database", database);
        Assert.Equal(2, cellTooLarge.ExitCode);
        Assert.Contains("CELL must be an integer from 0 to 65535", cellTooLarge.Stderr);

        var noFile = await GeoEdgeCli.RunAsync("cells", "import", PathOf("absent.csv.gz"), "--database", database);
        Assert.Equal(2, noFile.ExitCode);
        Assert.Contains("cannot be read", noFile.Stderr);
        Assert.False(File.Exists(database));

        var empty = PathOf("empty.csv");
        File.WriteAllText(empty, RigCellTowers.Header + "\n");
        var nothing = await GeoEdgeCli.RunAsync("cells", "import", empty, "--database", database);
        Assert.Equal(1, nothing.ExitCode);
        Assert.Contains("held no importable cell", nothing.Stderr);
    }
}
