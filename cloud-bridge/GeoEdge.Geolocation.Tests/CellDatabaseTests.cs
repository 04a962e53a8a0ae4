using System.Text;

namespace GeoEdge.Geolocation.Tests;

public class CellDatabaseTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static Stream Csv(params string[] lines) => new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n"));

    private static string Row(string radio, int mcc, int mnc, long area, long cell, double lat, double lon, int range) =>
        OpenCellIdCsv.Format(new CellRecord(Enum.Parse<RadioType>(radio, true), mcc, mnc, area, cell, lat, lon, range, 10, DateTimeOffset.FromUnixTimeSeconds(1_700_000_000)));

    [Fact]
    public void Imported_cells_are_found_by_their_full_identity_and_nothing_else()
    {
        using var db = new CellDatabase(_dir.File("cells.db"));
        var result = db.Import(Csv(OpenCellIdCsv.Header, Row("lte", 214, 7, 28012, 26012345, 40.41678, -3.70379, 1200), Row("nr", 214, 7, 28012, 26012345, 40.5, -3.6, 300)));
        Assert.Equal((2L, 0L, 0L), (result.Imported, result.Updated, result.Skipped));
        Assert.Equal(2, db.Count);

        var lte = db.Lookup(RadioType.Lte, 214, 7, 28012, 26012345);
        Assert.NotNull(lte);
        Assert.Equal((40.41678, -3.70379, 1200), (lte.Latitude, lte.Longitude, lte.RangeMeters));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), lte.Updated);
        Assert.Equal(300, db.Lookup(RadioType.Nr, 214, 7, 28012, 26012345)!.RangeMeters);
        Assert.Null(db.Lookup(RadioType.Umts, 214, 7, 28012, 26012345));
        Assert.Null(db.Lookup(RadioType.Lte, 214, 1, 28012, 26012345));
        Assert.Null(db.Lookup(RadioType.Lte, 214, 7, 28013, 26012345));
        Assert.Null(db.Lookup(RadioType.Lte, 214, 7, 28012, 26012346));
    }

    [Fact]
    public void A_second_import_updates_existing_cells_and_adds_new_ones()
    {
        var path = _dir.File("cells.db");
        using (var db = new CellDatabase(path))
            db.Import(Csv(Row("lte", 214, 7, 1, 1, 40.4, -3.7, 1000), Row("lte", 214, 7, 1, 2, 40.4, -3.7, 1000)));
        // Reopened: the file persists, and the upsert replaces the moved cell.
        using var again = new CellDatabase(path);
        var result = again.Import(Csv(Row("lte", 214, 7, 1, 2, 41.0, -3.0, 2500), Row("lte", 214, 7, 1, 3, 40.4, -3.7, 1000)));
        Assert.Equal((1L, 1L), (result.Imported, result.Updated));
        Assert.Equal(3, again.Count);
        var moved = again.Lookup(RadioType.Lte, 214, 7, 1, 2)!;
        Assert.Equal((41.0, -3.0, 2500), (moved.Latitude, moved.Longitude, moved.RangeMeters));
    }

    [Fact]
    public void Bad_lines_are_counted_and_skipped_and_only_the_first_are_reported()
    {
        using var db = new CellDatabase(_dir.File("cells.db")) { MaxReportedErrors = 2 };
        var result = db.Import(Csv(
            Row("gsm", 214, 1, 10, 20, 40.4, -3.7, 800),
            "GSM,214,1,10,21,,-3.7,95.0,800,1,1,0,0,0",
            "GSM,150,1,10,22,,-3.7,40.0,800,1,1,0,0,0",
            "not,a,cell",
            Row("gsm", 214, 1, 10, 23, 40.4, -3.7, 800)));
        Assert.Equal((2L, 0L, 3L), (result.Imported, result.Updated, result.Skipped));
        Assert.Equal([("lat", 2L), ("mcc", 3L)], result.FirstErrors.Select(e => (e.Field, e.Line)));
        Assert.Equal(2, db.Count);
    }

    [Fact]
    public void Progress_is_reported_every_interval_and_at_the_end()
    {
        using var db = new CellDatabase(_dir.File("cells.db")) { BatchSize = 7, ProgressInterval = 10 };
        var rows = Enumerable.Range(0, 25).Select(i => Row("lte", 214, 7, 1, i, 40.4, -3.7, 1000)).Append("bad").ToArray();
        var reports = new List<ImportProgress>();
        var result = db.Import(Csv(rows), new SynchronousProgress(reports.Add));
        Assert.Equal(25, result.Imported);
        Assert.Equal([10L, 20L, 25L], reports.Select(r => r.Stored));
        Assert.Equal(new ImportProgress(26, 25, 1), reports[^1]);
    }

    [Fact]
    public void A_cancelled_import_keeps_the_batches_it_committed()
    {
        using var db = new CellDatabase(_dir.File("cells.db")) { BatchSize = 5, ProgressInterval = 5 };
        using var cts = new CancellationTokenSource();
        var rows = Enumerable.Range(0, 50).Select(i => Row("lte", 214, 7, 1, i, 40.4, -3.7, 1000)).ToArray();
        // Cancel once the second batch is stored; the import notices before starting the third.
        Assert.Throws<OperationCanceledException>(() =>
            db.Import(Csv(rows), new SynchronousProgress(p => { if (p.Stored == 10) cts.Cancel(); }), cts.Token));
        Assert.Equal(10, db.Count);
    }

    [Fact]
    public void The_database_uses_wal_and_refuses_use_after_dispose()
    {
        var path = _dir.File("cells.db");
        var db = new CellDatabase(path);
        db.Import(Csv(Row("lte", 214, 7, 1, 1, 40.4, -3.7, 1000)));
        using (var check = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            check.Open();
            using var mode = check.CreateCommand();
            mode.CommandText = "PRAGMA journal_mode";
            Assert.Equal("wal", (string)mode.ExecuteScalar()!);
        }
        db.Dispose();
        Assert.Throws<ObjectDisposedException>(() => db.Lookup(RadioType.Lte, 214, 7, 1, 1));
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; the tests want the reports in order, now.</summary>
    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
