using Microsoft.Data.Sqlite;

namespace GeoEdge.Transparency.Tests;

public sealed class TransparencyLogTests : IDisposable
{
    private readonly LogFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    private List<byte[]> AppendEars(int from, int to)
    {
        var entries = Enumerable.Range(from, to - from).Select(LogFixture.Ear).ToList();
        foreach (var (entry, i) in entries.Select((e, i) => (e, i))) Assert.Equal(from + i, _fixture.Log.Append(entry));
        return entries;
    }

    [Fact]
    public void AnEmptyLogHasTheEmptyRootAndASignedHeadOfSizeZero()
    {
        Assert.Equal(0, _fixture.Log.Size);
        var head = _fixture.Log.TreeHead();
        Assert.Equal(0, head.TreeSize);
        Assert.Equal(MerkleHash.EmptyTree(), head.RootHash);
        Assert.True(TreeHeadVerifier.Verify(head, _fixture.Jwks).IsValid);
        Assert.Null(_fixture.Log.Entry(0));
        Assert.Null(_fixture.Log.ProofFor([1, 2, 3]));
    }

    [Fact]
    public void EveryHistoricalRootAndProofMatchesTheNaiveTree()
    {
        var entries = AppendEars(0, 70);
        var roots = Enumerable.Range(0, 71).Select(n => NaiveMerkle.Mth(entries[..n])).ToArray();
        for (var n = 0; n <= 70; n++) Assert.Equal(roots[n], _fixture.Log.RootHash(n));
        Assert.Equal(roots[70], _fixture.Log.TreeHead().RootHash);
        foreach (var n in new[] { 1, 2, 3, 7, 8, 9, 31, 32, 33, 64, 69, 70 })
        {
            for (var m = 0; m < n; m++)
            {
                var proof = _fixture.Log.InclusionProof(m, n);
                Assert.Equal(NaiveMerkle.Path(m, entries[..n]), proof.Path);
                Assert.Equal(InclusionCheck.Valid, MerkleVerifier.VerifyInclusion(MerkleHash.Leaf(entries[m]), m, n, proof.Path, roots[n]));
            }
            for (var m = 1; m <= n; m++)
                Assert.Equal(ConsistencyCheck.Valid, MerkleVerifier.VerifyConsistency(m, n, roots[m], roots[n], _fixture.Log.ConsistencyProof(m, n).Path));
        }
    }

    [Fact]
    public void EntriesAndLeafHashesAreFoundByIndexAndByHash()
    {
        var entries = AppendEars(0, 10);
        var entry = _fixture.Log.Entry(7)!;
        Assert.Equal(entries[7], entry.Entry);
        Assert.Equal(MerkleHash.Leaf(entries[7]), entry.LeafHash);
        Assert.Equal(7, _fixture.Log.IndexOf(entry.LeafHash));
        Assert.Null(_fixture.Log.IndexOf(MerkleHash.Leaf([9, 9, 9])));
        Assert.Null(_fixture.Log.IndexOf(new byte[5]));
        Assert.Null(_fixture.Log.Entry(10));
        Assert.Null(_fixture.Log.Entry(-1));
        // The same bytes appended twice: a new index, and lookups name the first.
        Assert.Equal(10, _fixture.Log.Append(entries[3]));
        Assert.Equal(3, _fixture.Log.IndexOf(MerkleHash.Leaf(entries[3])));
    }

    [Fact]
    public void TheLogSurvivesReopeningAndKeepsGrowingTheSameTree()
    {
        var entries = AppendEars(0, 13);
        var headBefore = _fixture.Log.TreeHead();
        var log = _fixture.Reopen();
        Assert.Equal(13, log.Size);
        Assert.Equal(headBefore.RootHash, log.TreeHead().RootHash);
        entries.AddRange(AppendEars(13, 40));
        Assert.Equal(NaiveMerkle.Mth(entries), log.TreeHead().RootHash);
        Assert.Equal(ConsistencyCheck.Valid, MerkleVerifier.VerifyConsistency(13, 40, headBefore.RootHash, log.RootHash(40), log.ConsistencyProof(13, 40).Path));
        log.VerifyIntegrity();
    }

    [Fact]
    public void TheSchemaRefusesUpdateDeleteOverwriteAndGaps()
    {
        AppendEars(0, 5);
        using var db = Raw();
        foreach (var sql in new[]
        {
            "UPDATE tlog_entries SET entry = x'00' WHERE idx = 2",
            "DELETE FROM tlog_entries WHERE idx = 4",
            "DELETE FROM tlog_entries",
            "UPDATE tlog_nodes SET hash = zeroblob(32) WHERE level = 0 AND idx = 0",
            "DELETE FROM tlog_nodes WHERE level = 2",
            "INSERT OR REPLACE INTO tlog_entries (idx, leaf_hash, entry, appended_at) VALUES (1, zeroblob(32), x'00', 0)",
            "INSERT INTO tlog_entries (idx, leaf_hash, entry, appended_at) VALUES (9, zeroblob(32), x'00', 0)",
            "INSERT OR REPLACE INTO tlog_nodes (level, idx, hash) VALUES (0, 1, zeroblob(32))",
        })
        {
            using var command = db.CreateCommand();
            command.CommandText = sql;
            var e = Assert.Throws<SqliteException>(() => command.ExecuteNonQuery());
            Assert.Contains("append-only", e.Message);
        }
        _fixture.Log.VerifyIntegrity();
        Assert.Equal(5, _fixture.Reopen().Size);
    }

    [Fact]
    public void AlteringTheFileBehindTheTriggersIsFoundByTheIntegrityCheck()
    {
        AppendEars(0, 9);
        using (var db = Raw())
        using (var command = db.CreateCommand())
        {
            command.CommandText = "DROP TRIGGER tlog_entries_no_update; UPDATE tlog_entries SET entry = x'00' WHERE idx = 4;";
            command.ExecuteNonQuery();
        }
        var e = Assert.Throws<TransparencyLogException>(() => _fixture.Log.VerifyIntegrity());
        Assert.Contains("entry 4", e.Message);
    }

    [Fact]
    public void AMissingNodeStopsTheLogFromOpening()
    {
        AppendEars(0, 6);
        _fixture.Log.Dispose();
        using (var db = Raw())
        using (var command = db.CreateCommand())
        {
            command.CommandText = "DROP TRIGGER tlog_nodes_no_delete; DELETE FROM tlog_nodes WHERE level = 2 AND idx = 0;";
            command.ExecuteNonQuery();
        }
        var e = Assert.Throws<TransparencyLogException>(() => _fixture.Reopen());
        Assert.Contains("node (2, 0)", e.Message);
    }

    [Fact]
    public void ABatchIsAllOrNothing()
    {
        AppendEars(0, 3);
        Assert.Equal(3, _fixture.Log.AppendBatch([LogFixture.Ear(3), LogFixture.Ear(4)]));
        Assert.Throws<ArgumentException>(() => _fixture.Log.AppendBatch([LogFixture.Ear(5), new byte[TransparencyLog.MaxEntryBytes + 1]]));
        Assert.Throws<ArgumentException>(() => _fixture.Log.AppendBatch([]));
        Assert.Equal(5, _fixture.Log.Size);
        _fixture.Log.VerifyIntegrity();
        Assert.Equal(5, _fixture.Reopen().Size);
    }

    [Fact]
    public void ProofArgumentsOutsideTheLogAreRefusedNamingTheArgument()
    {
        AppendEars(0, 4);
        Assert.Equal("treeSize", Assert.Throws<ArgumentOutOfRangeException>(() => _fixture.Log.InclusionProof(0, 5)).ParamName);
        Assert.Equal("treeSize", Assert.Throws<ArgumentOutOfRangeException>(() => _fixture.Log.InclusionProof(0, 0)).ParamName);
        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => _fixture.Log.InclusionProof(3, 3)).ParamName);
        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => _fixture.Log.InclusionProof(-1, 3)).ParamName);
        Assert.Equal("second", Assert.Throws<ArgumentOutOfRangeException>(() => _fixture.Log.ConsistencyProof(1, 5)).ParamName);
        Assert.Equal("first", Assert.Throws<ArgumentOutOfRangeException>(() => _fixture.Log.ConsistencyProof(0, 4)).ParamName);
        Assert.Equal("first", Assert.Throws<ArgumentOutOfRangeException>(() => _fixture.Log.ConsistencyProof(4, 3)).ParamName);
        Assert.Equal("treeSize", Assert.Throws<ArgumentOutOfRangeException>(() => _fixture.Log.RootHash(-1)).ParamName);
    }

    [Fact]
    public void ConcurrentAppendsGetDistinctIndexesAndOneConsistentTree()
    {
        var indexes = new System.Collections.Concurrent.ConcurrentBag<long>();
        Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            indexes.Add(_fixture.Log.Append(LogFixture.Ear(i)));
            // Readers interleave with writers.
            var head = _fixture.Log.TreeHead();
            Assert.True(TreeHeadVerifier.Verify(head, _fixture.Jwks).IsValid);
        });
        Assert.Equal(Enumerable.Range(0, 200).Select(i => (long)i), indexes.Order());
        _fixture.Log.VerifyIntegrity();
        var stored = Enumerable.Range(0, 200).Select(i => _fixture.Log.Entry(i)!.Entry).ToList();
        Assert.Equal(NaiveMerkle.Mth(stored), _fixture.Log.TreeHead().RootHash);
    }

    [Fact]
    public void TheLogSharesADatabaseFileWithOtherTables()
    {
        using (var db = Raw())
        using (var command = db.CreateCommand())
        {
            command.CommandText = "CREATE TABLE hosts (host_id TEXT PRIMARY KEY); INSERT INTO hosts VALUES ('h1'); DELETE FROM hosts;";
            command.ExecuteNonQuery();
        }
        AppendEars(0, 3);
        Assert.Equal(3, _fixture.Reopen().Size);
    }

    private SqliteConnection Raw()
    {
        var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _fixture.DatabasePath, Pooling = false }.ToString());
        db.Open();
        return db;
    }
}
