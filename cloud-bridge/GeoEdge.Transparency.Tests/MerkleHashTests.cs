namespace GeoEdge.Transparency.Tests;

public class MerkleHashTests
{
    /// <summary>The eight inputs of the test vector certificate-transparency implementations share.</summary>
    private static readonly byte[][] ClassicLeaves =
    [
        [],
        [0x00],
        [0x10],
        [0x20, 0x21],
        [0x30, 0x31],
        [0x40, 0x41, 0x42, 0x43],
        [0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57],
        [0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f],
    ];

    // Their roots for sizes 1..8 as CT implementations publish them; recomputed independently with Python's hashlib.
    private static readonly string[] ClassicRoots =
    [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];

    [Fact]
    public void EmptyTreeIsTheHashOfTheEmptyString()
    {
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Convert.ToHexStringLower(MerkleHash.EmptyTree()));
        Assert.Equal(MerkleHash.EmptyTree(), MerkleProofs.RootHash(0, (_, _) => throw new InvalidOperationException("an empty tree reads no node")));
    }

    [Fact]
    public void LeafAndNodeHashesAreDomainSeparated()
    {
        // SHA-256(0x00) is the leaf hash of the empty entry, and it is the classic vector's size-1 root.
        Assert.Equal(ClassicRoots[0], Convert.ToHexStringLower(MerkleHash.Leaf([])));
        var a = MerkleHash.Leaf([1]);
        var b = MerkleHash.Leaf([2]);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData([0x01, .. a, .. b]), MerkleHash.Node(a, b));
        // A node is never a leaf of the same bytes: that is what the prefixes are for.
        Assert.NotEqual(MerkleHash.Node(a, b), MerkleHash.Leaf([.. a, .. b]));
        Assert.Throws<ArgumentException>(() => MerkleHash.Node(a, b[..31]));
    }

    [Fact]
    public void ClassicEightLeafVectorHasItsPublishedRoots()
    {
        for (var n = 1; n <= ClassicLeaves.Length; n++)
        {
            var leaves = ClassicLeaves[..n];
            Assert.Equal(ClassicRoots[n - 1], Convert.ToHexStringLower(MerkleProofs.RootHash(n, NaiveMerkle.Subtrees(leaves))));
            Assert.Equal(ClassicRoots[n - 1], Convert.ToHexStringLower(NaiveMerkle.Mth(leaves)));
        }
    }

    [Fact]
    public void RootsAgreeWithTheNaiveRecursionUpTo130Leaves()
    {
        var entries = NaiveMerkle.Entries(130);
        for (var n = 0; n <= entries.Count; n++)
            Assert.Equal(NaiveMerkle.Mth(entries[..n]), MerkleProofs.RootHash(n, NaiveMerkle.Subtrees(entries[..n])));
    }
}
