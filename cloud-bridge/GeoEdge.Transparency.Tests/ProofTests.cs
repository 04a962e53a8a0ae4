namespace GeoEdge.Transparency.Tests;

public class ProofTests
{
    private const int MaxSize = 64;
    private static readonly List<byte[]> Entries = NaiveMerkle.Entries(MaxSize);
    private static readonly byte[][] Roots = Enumerable.Range(0, MaxSize + 1).Select(n => NaiveMerkle.Mth(Entries[..n])).ToArray();

    [Fact]
    public void EveryInclusionProofUpTo64LeavesIsTheRfcPathAndVerifies()
    {
        var checkedProofs = 0;
        for (var n = 1; n <= MaxSize; n++)
        {
            var subtrees = NaiveMerkle.Subtrees(Entries[..n]);
            for (var m = 0; m < n; m++)
            {
                var path = MerkleProofs.InclusionPath(m, n, subtrees);
                Assert.Equal(NaiveMerkle.Path(m, Entries[..n]), path);
                Assert.Equal(InclusionCheck.Valid, MerkleVerifier.VerifyInclusion(MerkleHash.Leaf(Entries[m]), m, n, path, Roots[n]));
                checkedProofs++;
            }
        }
        Assert.Equal(MaxSize * (MaxSize + 1) / 2, checkedProofs);
    }

    [Fact]
    public void EveryConsistencyProofUpTo64LeavesIsTheRfcProofAndVerifies()
    {
        for (var n = 1; n <= MaxSize; n++)
        {
            var subtrees = NaiveMerkle.Subtrees(Entries[..n]);
            for (var m = 1; m <= n; m++)
            {
                var proof = MerkleProofs.ConsistencyPath(m, n, subtrees);
                Assert.Equal(NaiveMerkle.Proof(m, Entries[..n]), proof);
                Assert.Equal(ConsistencyCheck.Valid, MerkleVerifier.VerifyConsistency(m, n, Roots[m], Roots[n], proof));
            }
        }
    }

    [Fact]
    public void AnyAlteredInclusionProofIsRefused()
    {
        for (var n = 1; n <= MaxSize; n++)
        {
            var subtrees = NaiveMerkle.Subtrees(Entries[..n]);
            for (var m = 0; m < n; m++)
            {
                var leaf = MerkleHash.Leaf(Entries[m]);
                var path = MerkleProofs.InclusionPath(m, n, subtrees);
                // Another entry at this index.
                Assert.Equal(InclusionCheck.RootMismatch, MerkleVerifier.VerifyInclusion(MerkleHash.Leaf([.. Entries[m], 0xFF]), m, n, path, Roots[n]));
                // One flipped bit in any path element.
                for (var i = 0; i < path.Count; i++)
                    Assert.NotEqual(InclusionCheck.Valid, MerkleVerifier.VerifyInclusion(leaf, m, n, Flip(path, i), Roots[n]));
                // Too long, too short, out of range, another tree's root.
                Assert.Equal(InclusionCheck.PathTooLong, MerkleVerifier.VerifyInclusion(leaf, m, n, [.. path, Roots[n]], Roots[n]));
                if (path.Count > 0) Assert.Equal(InclusionCheck.PathTooShort, MerkleVerifier.VerifyInclusion(leaf, m, n, path[..^1], Roots[n]));
                Assert.Equal(InclusionCheck.IndexOutOfRange, MerkleVerifier.VerifyInclusion(leaf, n, n, path, Roots[n]));
                Assert.Equal(InclusionCheck.IndexOutOfRange, MerkleVerifier.VerifyInclusion(leaf, -1, n, path, Roots[n]));
                if (n > 1) Assert.NotEqual(InclusionCheck.Valid, MerkleVerifier.VerifyInclusion(leaf, m, n, path, Roots[n - 1]));
                // The same path claimed for a neighbouring index proves nothing about it.
                if (n > 1) Assert.NotEqual(InclusionCheck.Valid, MerkleVerifier.VerifyInclusion(leaf, (m + 1) % n, n, path, Roots[n]));
            }
        }
    }

    [Fact]
    public void AnyAlteredConsistencyProofIsRefused()
    {
        for (var n = 2; n <= MaxSize; n++)
        {
            var subtrees = NaiveMerkle.Subtrees(Entries[..n]);
            for (var m = 1; m < n; m++)
            {
                var proof = MerkleProofs.ConsistencyPath(m, n, subtrees);
                for (var i = 0; i < proof.Count; i++)
                    Assert.NotEqual(ConsistencyCheck.Valid, MerkleVerifier.VerifyConsistency(m, n, Roots[m], Roots[n], Flip(proof, i)));
                Assert.NotEqual(ConsistencyCheck.Valid, MerkleVerifier.VerifyConsistency(m, n, Roots[m], Roots[n], [.. proof, Roots[n]]));
                Assert.NotEqual(ConsistencyCheck.Valid, MerkleVerifier.VerifyConsistency(m, n, Roots[m], Roots[n], proof[..^1]));
                // A forked history: the old head no longer a prefix of the new tree.
                var forked = Flip([Roots[m]], 0)[0];
                Assert.NotEqual(ConsistencyCheck.Valid, MerkleVerifier.VerifyConsistency(m, n, forked, Roots[n], proof));
                Assert.NotEqual(ConsistencyCheck.Valid, MerkleVerifier.VerifyConsistency(m, n, Roots[m], Roots[n - 1], proof));
                Assert.Equal(ConsistencyCheck.WrongPathForSizes, MerkleVerifier.VerifyConsistency(m, n, Roots[m], Roots[n], []));
            }
        }
    }

    [Fact]
    public void ConsistencyEdgeCasesFailClosed()
    {
        Assert.Equal(ConsistencyCheck.SizesOutOfOrder, MerkleVerifier.VerifyConsistency(0, 5, Roots[0], Roots[5], [Roots[1]]));
        Assert.Equal(ConsistencyCheck.SizesOutOfOrder, MerkleVerifier.VerifyConsistency(6, 5, Roots[6], Roots[5], [Roots[1]]));
        Assert.Equal(ConsistencyCheck.Valid, MerkleVerifier.VerifyConsistency(5, 5, Roots[5], Roots[5], []));
        Assert.Equal(ConsistencyCheck.SecondRootMismatch, MerkleVerifier.VerifyConsistency(5, 5, Roots[5], Roots[6], []));
        Assert.Equal(ConsistencyCheck.WrongPathForSizes, MerkleVerifier.VerifyConsistency(5, 5, Roots[5], Roots[5], [Roots[1]]));
        Assert.Equal(ConsistencyCheck.MalformedHash, MerkleVerifier.VerifyConsistency(3, 5, Roots[3], Roots[5], [new byte[31]]));
        Assert.Equal(InclusionCheck.MalformedHash, MerkleVerifier.VerifyInclusion(new byte[32], 0, 2, [new byte[33]], Roots[2]));
    }

    [Fact]
    public void GeneratorsRefuseImpossibleArguments()
    {
        var subtrees = NaiveMerkle.Subtrees(Entries[..8]);
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleProofs.InclusionPath(8, 8, subtrees));
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleProofs.InclusionPath(0, 0, subtrees));
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleProofs.ConsistencyPath(0, 8, subtrees));
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleProofs.ConsistencyPath(5, 4, subtrees));
    }

    internal static List<byte[]> Flip(IReadOnlyList<byte[]> path, int element)
    {
        var copy = path.Select(h => h.ToArray()).ToList();
        copy[element][element % 32] ^= 0x01;
        return copy;
    }
}
