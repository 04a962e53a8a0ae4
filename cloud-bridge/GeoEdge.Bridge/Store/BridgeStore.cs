using System.Globalization;
using Microsoft.Data.Sqlite;

namespace GeoEdge.Bridge.Store;

/// <summary>
/// The bridge's SQLite store: hosts, pending challenges, readings, verdicts, policies. One connection
/// serialised by a lock: the bridge's write rate (one reading per host per cycle) is far below what
/// one SQLite writer sustains, and one connection keeps every acceptance strictly transactional.
/// </summary>
public sealed partial class BridgeStore : IDisposable
{
    private readonly SqliteConnection _db;
    private readonly Lock _lock = new();

    public BridgeStore(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        _db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _db.Open();
        Execute(Schema.Create);
        foreach (var (table, column, type) in Schema.AddedColumns) AddColumnIfMissing(table, column, type);
        RecordExistingMembers();
    }

    private void AddColumnIfMissing(string table, string column, string type)
    {
        // Identifiers come from Schema's constant list, never from input: safe to splice.
        var exists = Scalar<long>($"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = $c", ("$c", column)) > 0;
        if (!exists) Execute($"ALTER TABLE {table} ADD COLUMN {column} {type}");
    }

    public void UpsertHost(EnrolledHost host)
    {
        lock (_lock)
        {
            using var tx = _db.BeginTransaction();
            var previousAk = Scalar<string?>("SELECT ak_name FROM hosts WHERE host_id = $h", ("$h", host.HostId));
            // A new AK means a new (or reset) TPM: its counters start over. The same AK re-enrolling
            // after an agent restart keeps them, so a replay across the re-enrollment is still caught.
            var keepCounters = previousAk == host.AkName;
            Execute("""
                INSERT INTO hosts (host_id, ek_certificate, ek_public, ak_public, ak_name, composition, enrolled_at)
                VALUES ($h, $cert, $ek, $ak, $name, $comp, $at)
                ON CONFLICT(host_id) DO UPDATE SET ek_certificate = $cert, ek_public = $ek, ak_public = $ak,
                    ak_name = $name, composition = $comp, enrolled_at = $at
                """,
                ("$h", host.HostId), ("$cert", host.EkCertificate), ("$ek", host.EkPublic), ("$ak", host.AkPublic),
                ("$name", host.AkName), ("$comp", host.CompositionJson), ("$at", Iso(host.EnrolledAt)));
            if (!keepCounters)
                Execute("UPDATE hosts SET last_seq = NULL, last_clock = NULL, last_reset = NULL, last_restart = NULL WHERE host_id = $h",
                    ("$h", host.HostId));
            tx.Commit();
        }
    }

    public EnrolledHost? GetHost(string hostId)
    {
        lock (_lock)
        {
            using var cmd = Command("SELECT * FROM hosts WHERE host_id = $h", ("$h", hostId));
            using var r = cmd.ExecuteReader();
            return r.Read() ? ReadHost(r) : null;
        }
    }

    public IReadOnlyList<EnrolledHost> ListHosts()
    {
        lock (_lock)
        {
            using var cmd = Command("SELECT * FROM hosts ORDER BY host_id");
            using var r = cmd.ExecuteReader();
            var hosts = new List<EnrolledHost>();
            while (r.Read()) hosts.Add(ReadHost(r));
            return hosts;
        }
    }

    public void SaveChallenge(PendingChallenge challenge)
    {
        lock (_lock)
        {
            // One outstanding challenge per host: a new enrollment attempt supersedes the old one.
            Execute("DELETE FROM challenges WHERE host_id = $h", ("$h", challenge.HostId));
            Execute("INSERT INTO challenges VALUES ($id, $h, $req, $s, $name, $at)",
                ("$id", challenge.ChallengeId), ("$h", challenge.HostId), ("$req", challenge.Request),
                ("$s", challenge.Secret), ("$name", challenge.AkName), ("$at", Iso(challenge.CreatedAt)));
        }
    }

    /// <summary>Removes and returns the challenge: an answer is accepted at most once.</summary>
    public PendingChallenge? TakeChallenge(string challengeId)
    {
        lock (_lock)
        {
            using var tx = _db.BeginTransaction();
            PendingChallenge? found = null;
            using (var cmd = Command("SELECT * FROM challenges WHERE challenge_id = $id", ("$id", challengeId)))
            using (var r = cmd.ExecuteReader())
            {
                if (r.Read())
                    found = new PendingChallenge(r.GetString(0), r.GetString(1), (byte[])r[2], (byte[])r[3], r.GetString(4), ParseIso(r.GetString(5)));
            }
            Execute("DELETE FROM challenges WHERE challenge_id = $id", ("$id", challengeId));
            tx.Commit();
            return found;
        }
    }

    /// <summary>
    /// Stores an accepted reading and advances the host's freshness state (and, when given, its platform
    /// state) in one transaction.
    /// Returns false, storing nothing, when a reading with this or a later sequence number is
    /// already stored (the caller refuses it as a replay).
    /// </summary>
    public bool TryAcceptReading(AcceptedReading reading, DateTimeOffset receivedAt, PlatformState? platform = null)
    {
        lock (_lock)
        {
            using var tx = _db.BeginTransaction();
            var lastSeq = Scalar<long?>("SELECT last_seq FROM hosts WHERE host_id = $h", ("$h", reading.HostId));
            if (lastSeq is not null && (ulong)lastSeq.Value >= reading.Seq) return false;
            Execute("INSERT INTO readings VALUES ($h, $seq, $at, $r, $qa, $qs)",
                ("$h", reading.HostId), ("$seq", (long)reading.Seq), ("$at", Iso(receivedAt)), ("$r", reading.Reading),
                ("$qa", reading.QuoteAttest), ("$qs", reading.QuoteSignature));
            Execute("UPDATE hosts SET last_seq = $seq, last_clock = $c, last_reset = $rs, last_restart = $rr WHERE host_id = $h",
                ("$h", reading.HostId), ("$seq", (long)reading.Seq), ("$c", (long)reading.Counters.Clock),
                ("$rs", (long)reading.Counters.ResetCount), ("$rr", (long)reading.Counters.RestartCount));
            // The platform state advances with the reading that vouched for it, or not at all.
            if (platform is not null) SavePlatformState(platform);
            tx.Commit();
            return true;
        }
    }

    public IReadOnlyList<ulong> ReadingSequences(string hostId)
    {
        lock (_lock)
        {
            using var cmd = Command("SELECT seq FROM readings WHERE host_id = $h ORDER BY received_at, seq", ("$h", hostId));
            using var r = cmd.ExecuteReader();
            var list = new List<ulong>();
            while (r.Read()) list.Add((ulong)r.GetInt64(0));
            return list;
        }
    }

    /// <summary>
    /// The stored readings of a host in the order they were accepted (SQLite's rowid grows with each
    /// insert), so a reader can check that nothing was stored twice or out of order, each with the
    /// GNSS authentication decision of its verdict. Only an accepted reading's verdict has that
    /// decision (refused copies claiming the same sequence number have NULL there), and a reading is
    /// accepted once, so the verdict it comes from is the reading's own.
    /// </summary>
    public IReadOnlyList<StoredReadingArrival> ReadingArrivals(string hostId)
    {
        lock (_lock)
        {
            using var cmd = Command("""
                SELECT r.seq, r.received_at, v.gnss_authenticated, v.gnss_authenticated_satellites
                FROM readings r
                LEFT JOIN verdicts v ON v.id = (SELECT MIN(id) FROM verdicts
                    WHERE host_id = r.host_id AND seq = r.seq AND gnss_authenticated IS NOT NULL)
                WHERE r.host_id = $h ORDER BY r.rowid
                """, ("$h", hostId));
            using var r = cmd.ExecuteReader();
            var list = new List<StoredReadingArrival>();
            while (r.Read())
                list.Add(new StoredReadingArrival((ulong)r.GetInt64(0), ParseIso(r.GetString(1)),
                    r.IsDBNull(2) ? null : r.GetInt64(2) != 0, r.IsDBNull(3) ? null : r.GetInt32(3)));
            return list;
        }
    }

    public long AddVerdict(StoredVerdict verdict)
    {
        lock (_lock)
        {
            Execute("""
                INSERT INTO verdicts (host_id, seq, created_at, ear_status, geofence, policy_id, reasons, ear, gnss_authenticated, gnss_authenticated_satellites, location_grade)
                VALUES ($h, $seq, $at, $st, $gf, $pid, $re, $ear, $ga, $gs, $lg)
                """,
                ("$h", verdict.HostId), ("$seq", verdict.Seq is { } s ? (long)s : null), ("$at", Iso(verdict.CreatedAt)),
                ("$st", verdict.EarStatus), ("$gf", verdict.Geofence), ("$pid", verdict.PolicyId), ("$re", verdict.ReasonsJson),
                ("$ear", verdict.Ear), ("$ga", verdict.GnssAuthenticated), ("$gs", verdict.GnssAuthenticatedSatellites), ("$lg", verdict.LocationGrade));
            return Scalar<long>("SELECT last_insert_rowid()");
        }
    }

    /// <summary>Records where a batch of stored verdicts' EARs went into the transparency log, and their timestamp, in one transaction.</summary>
    public void AttachNotarizations(IReadOnlyList<Notarization> notarizations)
    {
        ArgumentNullException.ThrowIfNull(notarizations);
        lock (_lock)
        {
            using var tx = _db.BeginTransaction();
            foreach (var n in notarizations)
                Execute("UPDATE verdicts SET log_index = $li, ear_timestamp = $ts, ear_timestamp_tree_size = $tts, published_result = $pr WHERE id = $id",
                    ("$li", n.LogIndex), ("$ts", n.Timestamp), ("$tts", n.TimestampTreeSize), ("$pr", n.PublishedResult), ("$id", n.VerdictId));
            tx.Commit();
        }
    }

    /// <summary>
    /// The result published for the accepted reading <paramref name="seq"/> of the host, when the reading stored under
    /// that number is exactly the one with <paramref name="readingDigest"/>; null otherwise (another reading under a
    /// reused number, a result not yet published, or one from a bridge that did not keep it).
    /// </summary>
    public byte[]? PublishedResultFor(string hostId, ulong seq, byte[] readingDigest)
    {
        lock (_lock)
        {
            var stored = Scalar<byte[]?>("SELECT reading FROM readings WHERE host_id = $h AND seq = $seq", ("$h", hostId), ("$seq", (long)seq));
            if (stored is null || !System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                    GeoEdge.Wire.Readings.CanonicalReading.Digest(stored), readingDigest)) return null;
            return Scalar<byte[]?>("""
                SELECT published_result FROM verdicts
                WHERE host_id = $h AND seq = $seq AND published_result IS NOT NULL ORDER BY id LIMIT 1
                """, ("$h", hostId), ("$seq", (long)seq));
        }
    }

    public IReadOnlyList<StoredVerdict> Verdicts(string hostId, long afterId, int limit)
    {
        lock (_lock)
        {
            using var cmd = Command("""
                SELECT id, host_id, seq, created_at, ear_status, geofence, policy_id, reasons, ear, gnss_authenticated, gnss_authenticated_satellites, location_grade, log_index, ear_timestamp, ear_timestamp_tree_size
                FROM verdicts WHERE host_id = $h AND id > $after ORDER BY id LIMIT $n
                """,
                ("$h", hostId), ("$after", afterId), ("$n", limit));
            using var r = cmd.ExecuteReader();
            var list = new List<StoredVerdict>();
            while (r.Read())
                list.Add(new StoredVerdict(r.GetInt64(0), r.GetString(1), r.IsDBNull(2) ? null : (ulong)r.GetInt64(2),
                    ParseIso(r.GetString(3)), r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5),
                    r.IsDBNull(6) ? null : r.GetString(6), r.GetString(7), r.GetString(8))
                {
                    GnssAuthenticated = r.IsDBNull(9) ? null : r.GetInt64(9) != 0,
                    GnssAuthenticatedSatellites = r.IsDBNull(10) ? null : r.GetInt32(10),
                    LocationGrade = r.IsDBNull(11) ? null : r.GetString(11),
                    LogIndex = r.IsDBNull(12) ? null : r.GetInt64(12),
                    EarTimestamp = r.IsDBNull(13) ? null : (byte[])r.GetValue(13),
                    EarTimestampTreeSize = r.IsDBNull(14) ? null : r.GetInt64(14),
                });
            return list;
        }
    }

    public void Dispose() => _db.Dispose();

    private static EnrolledHost ReadHost(SqliteDataReader r)
    {
        TpmCounters? last = r.IsDBNull(7) ? null
            : new TpmCounters((ulong)r.GetInt64(7), (ulong)r.GetInt64(8), (uint)r.GetInt64(9), (uint)r.GetInt64(10));
        return new EnrolledHost(r.GetString(0), (byte[])r[1], (byte[])r[2], (byte[])r[3], r.GetString(4), r.GetString(5),
            ParseIso(r.GetString(6)), last);
    }

    private SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = _db.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd;
    }

    private void Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(sql, parameters);
        cmd.ExecuteNonQuery();
    }

    private T Scalar<T>(string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(sql, parameters);
        var value = cmd.ExecuteScalar();
        if (value is null or DBNull) return default!;
        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        return (T)Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
    }

    private static string Iso(DateTimeOffset t) => t.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseIso(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
