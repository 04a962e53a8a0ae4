using System.Diagnostics;
using GeoEdge.Ear;
using GeoEdge.Transparency;

namespace GeoEdge.Cli.Bench;

/// <summary>
/// The transparency log at the scale of months of results: --entries EAR-sized entries (1-2 KB, default 100,000)
/// appended one transaction each to a fresh log on disk (appends/s, as the bridge appends per issued result), then
/// --proofs random inclusion proofs at the full size generated from the store (proofs/s) and verified offline
/// (verifications/s), then --heads tree-head signatures (time per signature). One JSON line per stage. Exit status 1
/// when a figure is implausible (an index out of order, a proof that does not verify, the root not matching).
/// </summary>
public static class TransparencyBench
{
    public const string Usage = "usage: geoedge-cli bench transparency [--entries N] [--batch N] [--proofs N] [--heads N]";

    public static Task<int> RunAsync(string[] args)
    {
        var entries = BenchArgs.Option(args, "--entries", 100_000, Usage);
        var batch = BenchArgs.Option(args, "--batch", 1, Usage);
        var proofs = BenchArgs.Option(args, "--proofs", 100_000, Usage);
        var heads = BenchArgs.Option(args, "--heads", 2_000, Usage);
        var dir = Directory.CreateTempSubdirectory("geoedge-bench-tlog-");
        try
        {
            using var key = EarSigningKey.Generate();
            var path = Path.Combine(dir.FullName, "bridge.db");
            bool clean;
            using (var log = new TransparencyLog(path, key))
            {
                clean = Appends(log, entries, batch, path);
                clean &= Proofs(log, key, proofs);
                clean &= Heads(log, key, heads);
            }
            clean &= Reopen(path, key, entries);
            return Task.FromResult(clean ? 0 : 1);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Entry i: a compact-JWS-shaped ASCII string of 1024-2047 bytes, distinct and deterministic.</summary>
    private static byte[] Entry(int i)
    {
        var random = new Random(i);
        var bytes = new byte[1024 + random.Next(1024)];
        for (var j = 0; j < bytes.Length; j++) bytes[j] = (byte)"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"[random.Next(64)];
        BitConverter.TryWriteBytes(bytes, i);
        bytes[4] = (byte)'.';
        return bytes;
    }

    private static bool Appends(TransparencyLog log, int count, int batch, string path)
    {
        var ordered = true;
        long bytes = 0;
        var latencies = new List<double>(count / batch + 1);
        var total = Stopwatch.StartNew();
        for (var i = 0; i < count; i += batch)
        {
            var group = Enumerable.Range(i, Math.Min(batch, count - i)).Select(Entry).ToList();
            bytes += group.Sum(e => e.Length);
            var start = Stopwatch.GetTimestamp();
            ordered &= log.AppendBatch(group) == i;
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
        }
        total.Stop();
        Console.WriteLine(BridgeBench.Json(new Dictionary<string, object>
        {
            ["benchmark"] = "transparency",
            ["stage"] = "append",
            ["entries"] = count,
            ["entriesPerTransaction"] = batch,
            ["entryBytes"] = bytes,
            ["seconds"] = Math.Round(total.Elapsed.TotalSeconds, 2),
            ["appendsPerSecond"] = Math.Round(count / total.Elapsed.TotalSeconds),
            ["p50TransactionMicroseconds"] = Math.Round(Stats.Percentile(latencies, 50), 1),
            ["p99TransactionMicroseconds"] = Math.Round(Stats.Percentile(latencies, 99), 1),
            ["dbBytes"] = new FileInfo(path).Length + (File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length : 0),
        }));
        return BenchArgs.Check("transparency", ordered && log.Size == count, $"the log holds {log.Size} of {count} entries, indexes in order: {ordered}");
    }

    private static bool Proofs(TransparencyLog log, EarSigningKey key, int count)
    {
        var size = log.Size;
        var random = new Random(7);
        var indexes = Enumerable.Range(0, count).Select(_ => random.NextInt64(size)).ToArray();
        var generated = new InclusionProof[count];
        var total = Stopwatch.StartNew();
        for (var i = 0; i < count; i++) generated[i] = log.InclusionProof(indexes[i], size);
        total.Stop();
        var root = log.RootHash(size);
        var verify = Stopwatch.StartNew();
        var valid = 0;
        foreach (var proof in generated)
        {
            var leaf = MerkleHash.Leaf(Entry((int)proof.LeafIndex));
            if (MerkleVerifier.VerifyInclusion(leaf, proof.LeafIndex, size, proof.Path, root) == InclusionCheck.Valid) valid++;
        }
        verify.Stop();
        // The document a relying party gets: one lookup by leaf hash, a proof and a freshly signed head.
        var documents = Math.Min(count, 2_000);
        var jwks = new Jwks([key.PublicKey]);
        var documented = Stopwatch.StartNew();
        var documentsValid = 0;
        for (var i = 0; i < documents; i++)
        {
            var entry = Entry((int)indexes[i]);
            if (log.ProofFor(entry) is { } document && InclusionVerifier.Verify(entry, document, jwks).IsValid) documentsValid++;
        }
        documented.Stop();
        Console.WriteLine(BridgeBench.Json(new Dictionary<string, object>
        {
            ["benchmark"] = "transparency",
            ["stage"] = "inclusion-proofs",
            ["treeSize"] = size,
            ["proofs"] = count,
            ["pathLength"] = generated[0].Path.Count,
            ["proofsPerSecond"] = Math.Round(count / total.Elapsed.TotalSeconds),
            ["verificationsPerSecond"] = Math.Round(count / verify.Elapsed.TotalSeconds),
            ["proofDocumentsPerSecond"] = Math.Round(documents / documented.Elapsed.TotalSeconds),
            ["valid"] = valid,
        }));
        return BenchArgs.Check("transparency", valid == count && documentsValid == documents, $"{count - valid} proofs and {documents - documentsValid} proof documents did not verify");
    }

    private static bool Heads(TransparencyLog log, EarSigningKey key, int count)
    {
        var jwks = new Jwks([key.PublicKey]);
        var signing = new double[count];
        var verifying = new double[count];
        var valid = 0;
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var head = log.TreeHead();
            signing[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            start = Stopwatch.GetTimestamp();
            if (TreeHeadVerifier.Verify(head, jwks).IsValid) valid++;
            verifying[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }
        Console.WriteLine(BridgeBench.Json(new Dictionary<string, object>
        {
            ["benchmark"] = "transparency",
            ["stage"] = "tree-head",
            ["heads"] = count,
            ["p50SignMicroseconds"] = Math.Round(Stats.Percentile(signing, 50), 1),
            ["p99SignMicroseconds"] = Math.Round(Stats.Percentile(signing, 99), 1),
            ["p50VerifyMicroseconds"] = Math.Round(Stats.Percentile(verifying, 50), 1),
        }));
        return BenchArgs.Check("transparency", valid == count, $"{count - valid} tree heads did not verify");
    }

    /// <summary>Reopening reads O(log n) nodes, not the whole log: the time shows it.</summary>
    private static bool Reopen(string path, EarSigningKey key, int count)
    {
        var start = Stopwatch.StartNew();
        using var log = new TransparencyLog(path, key);
        var size = log.Size;
        start.Stop();
        Console.WriteLine(BridgeBench.Json(new Dictionary<string, object>
        {
            ["benchmark"] = "transparency",
            ["stage"] = "reopen",
            ["treeSize"] = size,
            ["milliseconds"] = Math.Round(start.Elapsed.TotalMilliseconds, 1),
        }));
        return BenchArgs.Check("transparency", size == count, $"reopened with {size} of {count} entries");
    }
}
