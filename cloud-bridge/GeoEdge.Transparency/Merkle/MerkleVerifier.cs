using System.Security.Cryptography;

namespace GeoEdge.Transparency;

/// <summary>
/// The verification algorithms of RFC 9162 sections 2.1.3.2 (inclusion) and 2.1.4.2 (consistency), step
/// by step as the RFC writes them. Pure functions: they need only the proof and the tree heads, never the log.
/// </summary>
public static class MerkleVerifier
{
    public static InclusionCheck VerifyInclusion(ReadOnlySpan<byte> leafHash, long leafIndex, long treeSize, IReadOnlyList<byte[]> inclusionPath, ReadOnlySpan<byte> rootHash)
    {
        var check = RootFromInclusion(leafHash, leafIndex, treeSize, inclusionPath, out var root);
        if (check == InclusionCheck.IndexOutOfRange) return check;
        if (rootHash.Length != MerkleHash.Size) return InclusionCheck.MalformedHash;
        if (check != InclusionCheck.Valid) return check;
        return CryptographicOperations.FixedTimeEquals(root, rootHash) ? InclusionCheck.Valid : InclusionCheck.RootMismatch;
    }

    /// <summary>
    /// Steps 1 to 5 of section 2.1.3.2 without the final comparison: the root the path leads to from the leaf, for
    /// a verifier that holds something derived from the root (a timestamp over the tree head) rather than the root.
    /// </summary>
    public static InclusionCheck RootFromInclusion(ReadOnlySpan<byte> leafHash, long leafIndex, long treeSize, IReadOnlyList<byte[]> inclusionPath, out byte[] root)
    {
        ArgumentNullException.ThrowIfNull(inclusionPath);
        root = [];
        // Step 1: leaf_index must be below tree_size.
        if (leafIndex < 0 || treeSize <= 0 || leafIndex >= treeSize) return InclusionCheck.IndexOutOfRange;
        if (leafHash.Length != MerkleHash.Size || !AllHashes(inclusionPath)) return InclusionCheck.MalformedHash;
        // Step 2 and 3.
        var fn = leafIndex;
        var sn = treeSize - 1;
        var r = leafHash.ToArray();
        // Step 4.
        foreach (var p in inclusionPath)
        {
            if (sn == 0) return InclusionCheck.PathTooLong;
            if (IsOdd(fn) || fn == sn)
            {
                r = MerkleHash.Node(p, r);
                if (!IsOdd(fn)) ShiftUntilOddOrZero(ref fn, ref sn);
            }
            else
            {
                r = MerkleHash.Node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        // Step 5.
        if (sn != 0) return InclusionCheck.PathTooShort;
        root = r;
        return InclusionCheck.Valid;
    }

    /// <summary>
    /// Section 2.1.4.2 for 0 &lt; first &lt; second. Equal sizes (outside the RFC's algorithm, whose step 1 refuses
    /// the empty proof they have) are consistent exactly when the proof is empty and the roots are the same.
    /// </summary>
    public static ConsistencyCheck VerifyConsistency(long first, long second, ReadOnlySpan<byte> firstHash, ReadOnlySpan<byte> secondHash, IReadOnlyList<byte[]> consistencyPath)
    {
        ArgumentNullException.ThrowIfNull(consistencyPath);
        if (first <= 0 || second < first) return ConsistencyCheck.SizesOutOfOrder;
        if (firstHash.Length != MerkleHash.Size || secondHash.Length != MerkleHash.Size || !AllHashes(consistencyPath)) return ConsistencyCheck.MalformedHash;
        if (first == second)
            return consistencyPath.Count != 0 ? ConsistencyCheck.WrongPathForSizes
                : CryptographicOperations.FixedTimeEquals(firstHash, secondHash) ? ConsistencyCheck.Valid : ConsistencyCheck.SecondRootMismatch;
        // Step 1.
        if (consistencyPath.Count == 0) return ConsistencyCheck.WrongPathForSizes;
        // Step 2: a complete old tree is itself a node of the new one, so its hash starts the walk.
        IReadOnlyList<byte[]> path = TreeMath.IsPowerOfTwo(first) ? [firstHash.ToArray(), .. consistencyPath] : consistencyPath;
        // Step 3 and 4.
        var fn = first - 1;
        var sn = second - 1;
        while (IsOdd(fn))
        {
            fn >>= 1;
            sn >>= 1;
        }
        // Step 5.
        var fr = path[0];
        var sr = path[0];
        // Step 6.
        for (var i = 1; i < path.Count; i++)
        {
            var c = path[i];
            if (sn == 0) return ConsistencyCheck.PathTooLong;
            if (IsOdd(fn) || fn == sn)
            {
                fr = MerkleHash.Node(c, fr);
                sr = MerkleHash.Node(c, sr);
                if (!IsOdd(fn)) ShiftUntilOddOrZero(ref fn, ref sn);
            }
            else
            {
                sr = MerkleHash.Node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        // Step 7.
        if (sn != 0) return ConsistencyCheck.PathTooShort;
        if (!CryptographicOperations.FixedTimeEquals(fr, firstHash)) return ConsistencyCheck.FirstRootMismatch;
        return CryptographicOperations.FixedTimeEquals(sr, secondHash) ? ConsistencyCheck.Valid : ConsistencyCheck.SecondRootMismatch;
    }

    private static bool IsOdd(long value) => (value & 1) == 1;

    private static void ShiftUntilOddOrZero(ref long fn, ref long sn)
    {
        while (!IsOdd(fn) && fn != 0)
        {
            fn >>= 1;
            sn >>= 1;
        }
    }

    private static bool AllHashes(IReadOnlyList<byte[]> path)
    {
        foreach (var hash in path)
            if (hash is null || hash.Length != MerkleHash.Size) return false;
        return true;
    }
}
