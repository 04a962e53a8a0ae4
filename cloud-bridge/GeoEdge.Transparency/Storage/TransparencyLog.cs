using System.Security.Cryptography;
using GeoEdge.Ear;
using Microsoft.Data.Sqlite;

namespace GeoEdge.Transparency;

/// <summary>
/// The append-only Merkle log of issued results (RFC 9162 structure) in a SQLite file, its tables prefixed tlog_
/// so it can share the bridge's database. One transaction per append (or per batch), synchronous=FULL: an entry
/// that was appended, and so may be under a signed head already, survives a crash. Every complete subtree's hash is
/// stored, so appends, roots and proofs read or write O(log n) rows. Thread-safe: one connection, calls serialised.
/// </summary>
public sealed class TransparencyLog : IDisposable
{
    /// <summary>An EAR is a few KB; anything this large is not a result.</summary>
    public const int MaxEntryBytes = 64 * 1024;

    private readonly SqliteConnection _db;
    private readonly SqliteCommand _node;
    private readonly EarSigningKey _key;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private RightEdge _edge;
    private bool _disposed;

    /// <exception cref="TransparencyLogException">the stored tree is incomplete (a node of its right edge missing, or a leaf not matching its entry).</exception>
    public TransparencyLog(string sqlitePath, EarSigningKey signingKey, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sqlitePath);
        ArgumentNullException.ThrowIfNull(signingKey);
        _key = signingKey;
        _time = time ?? TimeProvider.System;
        var directory = Path.GetDirectoryName(Path.GetFullPath(sqlitePath));
        if (directory is not null) Directory.CreateDirectory(directory);
        _db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = sqlitePath, Pooling = false }.ToString());
        _db.Open();
        Execute("PRAGMA journal_mode=WAL;");
        Execute("PRAGMA synchronous=FULL;");
        // The file is shared with the bridge's store and cell database: wait for their writes rather than fail.
        Execute("PRAGMA busy_timeout=10000;");
        Execute(LogSchema.Create);
        _node = _db.CreateCommand();
        _node.CommandText = "SELECT hash FROM tlog_nodes WHERE level = $level AND idx = $idx";
        _node.Parameters.Add(new SqliteParameter("$level", SqliteType.Integer));
        _node.Parameters.Add(new SqliteParameter("$idx", SqliteType.Integer));
        _node.Prepare();
        var size = (long)Scalar("SELECT COALESCE(MAX(idx), -1) + 1 FROM tlog_entries")!;
        _edge = RightEdge.Load(size, StoredNode);
        if (size > 0 && Entry(size - 1) is { } last && !CryptographicOperations.FixedTimeEquals(last.LeafHash, StoredNode(0, size - 1)))
            throw new TransparencyLogException($"tlog: leaf {size - 1} does not match its node: the log's tables disagree");
    }

    /// <summary>The number of entries.</summary>
    public long Size
    {
        get { lock (_gate) return _edge.Size; }
    }

    public string Kid => _key.Kid;

    /// <summary>Appends one entry in its own transaction and returns its index.</summary>
    public long Append(byte[] entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return AppendBatch([entry]);
    }

    /// <summary>Appends the entries in order, in one transaction (all or none), and returns the index of the first.</summary>
    public long AppendBatch(IReadOnlyList<byte[]> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0) throw new ArgumentException("nothing to append", nameof(entries));
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i] is null) throw new ArgumentNullException(nameof(entries), $"entry {i} is null");
            if (entries[i].Length > MaxEntryBytes) throw new ArgumentException($"entry {i} is {entries[i].Length} bytes, more than the {MaxEntryBytes} a log entry may have", nameof(entries));
        }
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var edge = _edge.Clone();
            var first = edge.Size;
            var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
            using var tx = _db.BeginTransaction();
            using var insertEntry = Command("INSERT INTO tlog_entries (idx, leaf_hash, entry, appended_at) VALUES ($idx, $leaf, $entry, $at)", tx);
            using var insertNode = Command("INSERT INTO tlog_nodes (level, idx, hash) VALUES ($level, $idx, $hash)", tx);
            foreach (var entry in entries)
            {
                var leaf = MerkleHash.Leaf(entry);
                Run(insertEntry, ("$idx", edge.Size), ("$leaf", leaf), ("$entry", entry), ("$at", now));
                foreach (var (level, index, hash) in edge.Append(leaf)) Run(insertNode, ("$level", level), ("$idx", index), ("$hash", hash));
            }
            tx.Commit();
            _edge = edge;
            return first;
        }
    }

    /// <summary>MTH of the first <paramref name="treeSize"/> entries (0 &lt;= treeSize &lt;= Size).</summary>
    public byte[] RootHash(long treeSize)
    {
        lock (_gate)
        {
            CheckSize(treeSize, nameof(treeSize));
            return treeSize == _edge.Size ? _edge.Root() : MerkleProofs.RootHash(treeSize, StoredNode);
        }
    }

    /// <summary>The current tree head, signed now with the bridge's key.</summary>
    public SignedTreeHead TreeHead()
    {
        long size;
        byte[] root;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            size = _edge.Size;
            root = _edge.Root();
        }
        return SignedTreeHead.Sign(size, _time.GetUtcNow().ToUnixTimeMilliseconds(), root, _key);
    }

    /// <exception cref="ArgumentOutOfRangeException">treeSize is not 1..Size, or index not below it; the message says which.</exception>
    public InclusionProof InclusionProof(long index, long treeSize)
    {
        lock (_gate)
        {
            CheckSize(treeSize, nameof(treeSize));
            if (treeSize == 0) throw new ArgumentOutOfRangeException(nameof(treeSize), treeSize, "the empty tree has no entries to prove");
            if (index < 0 || index >= treeSize)
                throw new ArgumentOutOfRangeException(nameof(index), index, $"index must be 0..{treeSize - 1} for a tree of {treeSize}");
            return new InclusionProof(index, treeSize, MerkleProofs.InclusionPath(index, treeSize, StoredNode));
        }
    }

    /// <exception cref="ArgumentOutOfRangeException">not 0 &lt; first &lt;= second &lt;= Size; the message says which.</exception>
    public ConsistencyProof ConsistencyProof(long first, long second)
    {
        lock (_gate)
        {
            CheckSize(second, nameof(second));
            if (first <= 0 || first > second)
                throw new ArgumentOutOfRangeException(nameof(first), first, $"first must be 1..{second} (the second size)");
            return new ConsistencyProof(first, second, MerkleProofs.ConsistencyPath(first, second, StoredNode));
        }
    }

    /// <summary>Entry <paramref name="index"/>, or null when the log has no such entry.</summary>
    public LogEntry? Entry(long index)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var select = Command("SELECT entry, leaf_hash, appended_at FROM tlog_entries WHERE idx = $idx");
            select.Parameters.AddWithValue("$idx", index);
            using var reader = select.ExecuteReader();
            return reader.Read() ? new LogEntry(index, (byte[])reader[0], (byte[])reader[1], DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2))) : null;
        }
    }

    /// <summary>The first index whose leaf hash is <paramref name="leafHash"/>, or null.</summary>
    public long? IndexOf(ReadOnlySpan<byte> leafHash)
    {
        if (leafHash.Length != MerkleHash.Size) return null;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return Scalar("SELECT MIN(idx) FROM tlog_entries WHERE leaf_hash = $leaf", ("$leaf", leafHash.ToArray())) is long index ? index : null;
        }
    }

    /// <summary>
    /// The offline proof document for an entry: its inclusion in the current tree and that tree's head, signed now.
    /// Null when the entry was never appended.
    /// </summary>
    public ProofDocument? ProofFor(ReadOnlySpan<byte> entry)
    {
        var leafHash = MerkleHash.Leaf(entry);
        long size;
        byte[] root;
        InclusionProof proof;
        lock (_gate)
        {
            if (IndexOf(leafHash) is not { } index) return null;
            size = _edge.Size;
            root = _edge.Root();
            proof = InclusionProof(index, size);
        }
        var head = SignedTreeHead.Sign(size, _time.GetUtcNow().ToUnixTimeMilliseconds(), root, _key);
        return new ProofDocument(proof.LeafIndex, size, proof.Path, head, leafHash);
    }

    /// <summary>
    /// Recomputes every leaf hash from its entry and every stored node from its children: O(n), for audits and
    /// tests. Throws naming the first row that does not recompute.
    /// </summary>
    /// <exception cref="TransparencyLogException">an entry, leaf or node does not match.</exception>
    public void VerifyIntegrity()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using (var entries = Command("SELECT e.idx, e.entry, e.leaf_hash, n.hash FROM tlog_entries e LEFT JOIN tlog_nodes n ON n.level = 0 AND n.idx = e.idx ORDER BY e.idx"))
            using (var reader = entries.ExecuteReader())
            {
                while (reader.Read())
                {
                    var index = reader.GetInt64(0);
                    var leaf = MerkleHash.Leaf((byte[])reader[1]);
                    if (!leaf.AsSpan().SequenceEqual((byte[])reader[2])) throw new TransparencyLogException($"tlog: entry {index} does not hash to its stored leaf hash");
                    if (reader.IsDBNull(3) || !leaf.AsSpan().SequenceEqual((byte[])reader[3])) throw new TransparencyLogException($"tlog: node (0, {index}) is not entry {index}'s leaf hash");
                }
            }
            using var nodes = Command("SELECT level, idx, hash FROM tlog_nodes WHERE level > 0 ORDER BY level, idx");
            using var nodeReader = nodes.ExecuteReader();
            while (nodeReader.Read())
            {
                var level = nodeReader.GetInt32(0);
                var index = nodeReader.GetInt64(1);
                var expected = MerkleHash.Node(StoredNode(level - 1, 2 * index), StoredNode(level - 1, 2 * index + 1));
                if (!expected.AsSpan().SequenceEqual((byte[])nodeReader[2])) throw new TransparencyLogException($"tlog: node ({level}, {index}) is not the hash of its children");
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _node.Dispose();
            _db.Dispose();
        }
    }

    private void CheckSize(long treeSize, string name)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (treeSize < 0 || treeSize > _edge.Size)
            throw new ArgumentOutOfRangeException(name, treeSize, $"{name} must be 0..{_edge.Size}, the log's size");
    }

    /// <summary>A complete subtree's stored hash; its absence means the tables were damaged.</summary>
    private byte[] StoredNode(int level, long index)
    {
        _node.Parameters[0].Value = level;
        _node.Parameters[1].Value = index;
        return _node.ExecuteScalar() as byte[] ?? throw new TransparencyLogException($"tlog: node ({level}, {index}) is missing: the log's tables are incomplete");
    }

    private SqliteCommand Command(string sql, SqliteTransaction? tx = null)
    {
        var command = _db.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        return command;
    }

    private static void Run(SqliteCommand command, params (string Name, object Value)[] parameters)
    {
        command.Parameters.Clear();
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        command.ExecuteNonQuery();
    }

    private void Execute(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(sql);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command.ExecuteScalar();
    }
}
