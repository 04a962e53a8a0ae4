using System.IO.Compression;
using System.Text;

namespace GeoEdge.Geolocation.Tests;

/// <summary>Exports as OpenCellID and MLS publish them (.csv.gz), whole, cut short by a failed download, or not gzip at all.</summary>
public sealed class CellExportFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static readonly string Csv = OpenCellIdCsv.Header + "\n" + string.Concat(Enumerable.Range(1, 5000).Select(i =>
        $"LTE,214,7,28012,{i},0,-3.70379,40.41678,1200,10,1,1600000000,1700000000,0\n"));

    private string Gzip(string name, string text)
    {
        var path = _dir.File(name);
        using (var file = File.Create(path))
        using (var gzip = new GZipStream(file, CompressionLevel.Optimal))
            gzip.Write(Encoding.ASCII.GetBytes(text));
        return path;
    }

    [Fact]
    public void A_gzip_export_is_inflated_while_it_is_imported()
    {
        using var db = new CellDatabase(_dir.File("cells.db"));
        using (var export = CellExportFile.Open(Gzip("cell_towers.csv.gz", Csv)))
            Assert.Equal(5000, db.Import(export).Imported);
        Assert.Equal(1200, db.Lookup(RadioType.Lte, 214, 7, 28012, 4999)!.RangeMeters);
    }

    [Fact]
    public void A_plain_csv_is_read_as_it_is_whatever_its_name()
    {
        var path = _dir.File("cells.csv.gz");
        File.WriteAllText(path, Csv);
        using var db = new CellDatabase(_dir.File("cells.db"));
        using var export = CellExportFile.Open(path);
        Assert.Equal(5000, db.Import(export).Imported);
    }

    [Fact]
    public void A_truncated_download_is_refused_after_the_batches_it_held_not_imported_as_whole()
    {
        var whole = File.ReadAllBytes(Gzip("whole.csv.gz", Csv));
        var cut = _dir.File("cut.csv.gz");
        File.WriteAllBytes(cut, whole[..(whole.Length * 2 / 3)]);
        using var db = new CellDatabase(_dir.File("cells.db"));
        using var export = CellExportFile.Open(cut);

        var refused = Assert.Throws<CellExportException>(() => db.Import(export));
        Assert.Contains("truncated or corrupt gzip file", refused.Message);
        Assert.Contains(cut, refused.Message);
    }

    [Fact]
    public void A_corrupt_deflate_stream_is_a_typed_error_naming_the_file()
    {
        var bytes = File.ReadAllBytes(Gzip("whole.csv.gz", Csv));
        for (var i = 20; i < 60; i++) bytes[i] ^= 0x5A;
        var broken = _dir.File("broken.csv.gz");
        File.WriteAllBytes(broken, bytes);
        using var export = CellExportFile.Open(broken);

        var refused = Assert.Throws<CellExportException>(() => export.CopyTo(Stream.Null));
        Assert.Contains(broken, refused.Message);
    }

    [Fact]
    public void A_missing_file_and_a_gzip_header_alone_are_typed_errors()
    {
        Assert.Contains("cannot be read", Assert.Throws<CellExportException>(() => CellExportFile.Open(_dir.File("absent.csv"))).Message);
        var stub = _dir.File("stub.csv.gz");
        File.WriteAllBytes(stub, [0x1f, 0x8b, 8, 0, 0, 0]);
        Assert.Contains("shorter than a gzip header", Assert.Throws<CellExportException>(() => CellExportFile.Open(stub)).Message);
    }
}
