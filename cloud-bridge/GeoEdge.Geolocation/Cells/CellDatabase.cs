using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace GeoEdge.Geolocation;

/// <summary>
/// The cell-tower database GL looks serving cells up in: one SQLite file (WAL) with its own table
/// <c>cells</c>, keyed by (radio, mcc, mnc, area, cell), filled from OpenCellID/MLS CSV exports.
/// Thread-safe: one connection, every call serialised (lookups take microseconds; an import holds the
/// lock for one batch at a time, so lookups interleave with a running import).
/// </summary>
public sealed class CellDatabase : IDisposable
{
    private readonly SqliteConnection _db;
    private readonly SqliteCommand _lookup;
    private readonly Lock _gate = new();
    private bool _disposed;

    /// <summary>Rows per transaction: large enough to amortise the commit, small enough to keep lookups responsive.</summary>
    public int BatchSize { get; init; } = 20_000;

    /// <summary>Rows between two progress reports.</summary>
    public int ProgressInterval { get; init; } = 100_000;

    /// <summary>How many bad lines an import keeps in <see cref="ImportResult.FirstErrors"/> (all are counted).</summary>
    public int MaxReportedErrors { get; init; } = 20;

    /// <summary>Bounds applied to every imported line.</summary>
    public OpenCellIdLimits Limits { get; init; } = OpenCellIdLimits.Default;

    public CellDatabase(string sqlitePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sqlitePath);
        _db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = sqlitePath, Pooling = false }.ToString());
        _db.Open();
        Execute("PRAGMA journal_mode=WAL;");
        // WAL + NORMAL: a power cut may lose the last committed batch, never corrupt the file; the import can be rerun.
        Execute("PRAGMA synchronous=NORMAL;");
        // The file is the bridge's by default, shared with its store and transparency log (see Schema.Create).
        Execute("PRAGMA busy_timeout=10000;");
        Execute("""
            CREATE TABLE IF NOT EXISTS cells (
                radio INTEGER NOT NULL, mcc INTEGER NOT NULL, mnc INTEGER NOT NULL,
                area INTEGER NOT NULL, cell INTEGER NOT NULL,
                lat REAL NOT NULL, lon REAL NOT NULL, range INTEGER NOT NULL, samples INTEGER NOT NULL,
                updated INTEGER NULL,
                PRIMARY KEY (radio, mcc, mnc, area, cell)
            ) WITHOUT ROWID;
            """);
        _lookup = _db.CreateCommand();
        _lookup.CommandText = "SELECT lat, lon, range, samples, updated FROM cells WHERE radio=$radio AND mcc=$mcc AND mnc=$mnc AND area=$area AND cell=$cell";
        foreach (var name in KeyParameters) _lookup.Parameters.Add(new SqliteParameter(name, SqliteType.Integer));
        _lookup.Prepare();
    }

    private static readonly string[] KeyParameters = ["$radio", "$mcc", "$mnc", "$area", "$cell"];

    /// <summary>Number of cells stored.</summary>
    public long Count
    {
        get
        {
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                using var count = _db.CreateCommand();
                count.CommandText = "SELECT COUNT(*) FROM cells";
                return (long)count.ExecuteScalar()!;
            }
        }
    }

    /// <summary>
    /// The cell with this identity, or null. LTE-M and NB-IoT serving cells are looked up as
    /// <see cref="RadioType.Lte"/> (that is how OpenCellID lists them), 5G cells as <see cref="RadioType.Nr"/>.
    /// </summary>
    public CellRecord? Lookup(RadioType radio, int mcc, int mnc, long area, long cell)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _lookup.Parameters[0].Value = (int)radio;
            _lookup.Parameters[1].Value = mcc;
            _lookup.Parameters[2].Value = mnc;
            _lookup.Parameters[3].Value = area;
            _lookup.Parameters[4].Value = cell;
            using var row = _lookup.ExecuteReader();
            if (!row.Read()) return null;
            return new CellRecord(radio, mcc, mnc, area, cell,
                row.GetDouble(0), row.GetDouble(1), row.GetInt32(2), row.GetInt32(3),
                row.IsDBNull(4) ? null : DateTimeOffset.FromUnixTimeSeconds(row.GetInt64(4)));
        }
    }

    /// <summary>
    /// Upserts every valid line of an OpenCellID/MLS CSV export (a later row for the same key replaces the
    /// earlier one). Bad lines are counted and skipped, never fatal. Batches already committed stay
    /// committed if the import is cancelled or the stream fails; rerunning the import is idempotent.
    /// </summary>
    public ImportResult Import(Stream csv, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var clock = Stopwatch.StartNew();
        var before = Count;
        var errors = new List<CellCsvException>();
        long skipped = 0, stored = 0;
        void OnBadLine(CellCsvException bad)
        {
            skipped++;
            if (errors.Count < MaxReportedErrors) errors.Add(bad);
        }

        using var cells = OpenCellIdCsv.Read(csv, Limits, OnBadLine).GetEnumerator();
        var more = true;
        while (more)
        {
            ct.ThrowIfCancellationRequested();
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                using var batch = _db.BeginTransaction();
                using var upsert = UpsertCommand(batch);
                for (var inBatch = 0; inBatch < BatchSize; inBatch++)
                {
                    if (!(more = cells.MoveNext())) break;
                    Bind(upsert, cells.Current);
                    upsert.ExecuteNonQuery();
                    stored++;
                    if (stored % ProgressInterval == 0) progress?.Report(new ImportProgress(stored + skipped, stored, skipped));
                }
                batch.Commit();
            }
        }
        var inserted = Count - before;
        progress?.Report(new ImportProgress(stored + skipped, stored, skipped));
        return new ImportResult(inserted, stored - inserted, skipped, errors, clock.Elapsed);
    }

    private SqliteCommand UpsertCommand(SqliteTransaction transaction)
    {
        var upsert = _db.CreateCommand();
        upsert.Transaction = transaction;
        upsert.CommandText = """
            INSERT INTO cells (radio, mcc, mnc, area, cell, lat, lon, range, samples, updated)
            VALUES ($radio, $mcc, $mnc, $area, $cell, $lat, $lon, $range, $samples, $updated)
            ON CONFLICT (radio, mcc, mnc, area, cell) DO UPDATE SET
                lat=excluded.lat, lon=excluded.lon, range=excluded.range, samples=excluded.samples, updated=excluded.updated
            """;
        foreach (var name in KeyParameters) upsert.Parameters.Add(new SqliteParameter(name, SqliteType.Integer));
        upsert.Parameters.Add(new SqliteParameter("$lat", SqliteType.Real));
        upsert.Parameters.Add(new SqliteParameter("$lon", SqliteType.Real));
        upsert.Parameters.Add(new SqliteParameter("$range", SqliteType.Integer));
        upsert.Parameters.Add(new SqliteParameter("$samples", SqliteType.Integer));
        upsert.Parameters.Add(new SqliteParameter("$updated", SqliteType.Integer));
        upsert.Prepare();
        return upsert;
    }

    private static void Bind(SqliteCommand upsert, CellRecord c)
    {
        var p = upsert.Parameters;
        p[0].Value = (int)c.Radio;
        p[1].Value = c.Mcc;
        p[2].Value = c.Mnc;
        p[3].Value = c.Area;
        p[4].Value = c.Cell;
        p[5].Value = c.Latitude;
        p[6].Value = c.Longitude;
        p[7].Value = c.RangeMeters;
        p[8].Value = c.Samples;
        p[9].Value = c.Updated is { } u ? u.ToUnixTimeSeconds() : DBNull.Value;
    }

    private void Execute(string sql)
    {
        using var command = _db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _lookup.Dispose();
            _db.Dispose();
        }
    }
}
