namespace GeoEdge.Transparency;

/// <summary>
/// Tree hashes and proofs exactly as RFC 9162 defines them recursively (MTH 2.1.1, PATH 2.1.3.1,
/// PROOF/SUBPROOF 2.1.4.1), evaluated over complete-subtree hashes instead of the leaves themselves.
/// Every range the recursion hashes starts at a multiple of its split point, so it decomposes into at most
/// log2(n) complete subtrees, and a proof needs O(log n) of them.
/// </summary>
public static class MerkleProofs
{
    /// <summary>MTH(D[0:size]).</summary>
    public static byte[] RootHash(long size, CompleteSubtreeHash subtree)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        return size == 0 ? MerkleHash.EmptyTree() : RangeHash(0, size, subtree);
    }

    /// <summary>PATH(index, D[0:size]): the sibling hashes from the leaf up, 0 &lt;= index &lt; size.</summary>
    public static List<byte[]> InclusionPath(long index, long size, CompleteSubtreeHash subtree)
    {
        if (size <= 0) throw new ArgumentOutOfRangeException(nameof(size), size, "an inclusion proof needs a tree of at least one leaf");
        if (index < 0 || index >= size) throw new ArgumentOutOfRangeException(nameof(index), index, $"leaf index must be 0..{size - 1} in a tree of {size}");
        var path = new List<byte[]>();
        AppendPath(index, 0, size, subtree, path);
        return path;
    }

    /// <summary>PROOF(first, D[0:second]) = SUBPROOF(first, D[0:second], true), 0 &lt; first &lt;= second (empty when equal).</summary>
    public static List<byte[]> ConsistencyPath(long first, long second, CompleteSubtreeHash subtree)
    {
        if (first <= 0) throw new ArgumentOutOfRangeException(nameof(first), first, "a consistency proof starts from a tree of at least one leaf");
        if (second < first) throw new ArgumentOutOfRangeException(nameof(second), second, $"the second tree ({second}) must be at least as large as the first ({first})");
        var proof = new List<byte[]>();
        AppendSubproof(first, 0, second, startsAtRoot: true, subtree, proof);
        return proof;
    }

    /// <summary>MTH(D[start:start+size]) for a start aligned on the largest power of two not above size.</summary>
    private static byte[] RangeHash(long start, long size, CompleteSubtreeHash subtree)
    {
        if (TreeMath.IsPowerOfTwo(size)) return Complete(start, size, subtree);
        var k = TreeMath.SplitPoint(size);
        return MerkleHash.Node(Complete(start, k, subtree), RangeHash(start + k, size - k, subtree));
    }

    private static byte[] Complete(long start, long size, CompleteSubtreeHash subtree)
    {
        var level = TreeMath.Level(size);
        var hash = subtree(level, start >> level);
        if (hash.Length != MerkleHash.Size) throw new InvalidOperationException($"subtree ({level}, {start >> level}) has a {hash.Length}-byte hash");
        return hash;
    }

    private static void AppendPath(long m, long start, long n, CompleteSubtreeHash subtree, List<byte[]> path)
    {
        if (n == 1) return;
        var k = TreeMath.SplitPoint(n);
        if (m < k)
        {
            AppendPath(m, start, k, subtree, path);
            path.Add(RangeHash(start + k, n - k, subtree));
        }
        else
        {
            AppendPath(m - k, start + k, n - k, subtree, path);
            path.Add(RangeHash(start, k, subtree));
        }
    }

    private static void AppendSubproof(long m, long start, long n, bool startsAtRoot, CompleteSubtreeHash subtree, List<byte[]> proof)
    {
        if (m == n)
        {
            // The old tree is this subtree: the verifier knows its hash already only if it is the old root itself.
            if (!startsAtRoot) proof.Add(RangeHash(start, n, subtree));
            return;
        }
        var k = TreeMath.SplitPoint(n);
        if (m <= k)
        {
            AppendSubproof(m, start, k, startsAtRoot, subtree, proof);
            proof.Add(RangeHash(start + k, n - k, subtree));
        }
        else
        {
            AppendSubproof(m - k, start + k, n - k, startsAtRoot: false, subtree, proof);
            proof.Add(RangeHash(start, k, subtree));
        }
    }
}
