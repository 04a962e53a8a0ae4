using System.Security.Cryptography;

namespace GeoEdge.Drivers.Osnma.Simulator;

/// <summary>
/// The 16-leaf OSNMA Merkle tree (OSNMA SIS ICD 1.1 section 6.2): x_{0,i} = SHA-256(m_i), x_{j+1,i} =
/// SHA-256(x_{j,2i} || x_{j,2i+1}), root x_{4,0}. A DSM-PKR for leaf i carries the four sibling nodes on the way
/// up, leaf level first (checked against the official test vectors' trees).
/// </summary>
public sealed class OsnmaMerkleTree
{
    public const int LeafCount = 16;
    public const int Depth = 4;
    public const int NodeBytes = 32;

    private readonly byte[][][] _levels; // _levels[j][i] = x_{j,i}

    public OsnmaMerkleTree(IReadOnlyList<OsnmaMerkleLeaf> leaves)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        if (leaves.Count != LeafCount) throw new ArgumentException($"an OSNMA Merkle tree has {LeafCount} leaves, got {leaves.Count}", nameof(leaves));
        Leaves = leaves;
        _levels = new byte[Depth + 1][][];
        _levels[0] = leaves.Select(l => SHA256.HashData(l.ToBytes())).ToArray();
        for (var j = 1; j <= Depth; j++)
        {
            var below = _levels[j - 1];
            _levels[j] = new byte[below.Length / 2][];
            for (var i = 0; i < _levels[j].Length; i++) _levels[j][i] = Combine(below[2 * i], below[2 * i + 1]);
        }
    }

    public IReadOnlyList<OsnmaMerkleLeaf> Leaves { get; }

    public ReadOnlyMemory<byte> Root => _levels[Depth][0];

    /// <summary>x_{j,i}: j = 0 leaf hashes .. 4 root.</summary>
    public ReadOnlyMemory<byte> Node(int level, int index)
    {
        if (level is < 0 or > Depth) throw new ArgumentOutOfRangeException(nameof(level));
        if (index < 0 || index >= _levels[level].Length) throw new ArgumentOutOfRangeException(nameof(index));
        return _levels[level][index];
    }

    public int IndexOf(OsnmaPublicKeyType type, int publicKeyId)
    {
        for (var i = 0; i < LeafCount; i++)
            if (Leaves[i].Type == type && Leaves[i].PublicKeyId == publicKeyId) return i;
        throw new ArgumentException($"no {type} leaf with NPKID {publicKeyId} in this tree");
    }

    /// <summary>The ITN field for leaf <paramref name="leafIndex"/>: the sibling on each level, leaf level first (4 x 32 bytes).</summary>
    public byte[] IntermediateNodes(int leafIndex)
    {
        if (leafIndex is < 0 or >= LeafCount) throw new ArgumentOutOfRangeException(nameof(leafIndex));
        var itn = new byte[Depth * NodeBytes];
        var index = leafIndex;
        for (var j = 0; j < Depth; j++)
        {
            _levels[j][index ^ 1].CopyTo(itn, j * NodeBytes);
            index >>= 1;
        }
        return itn;
    }

    /// <summary>The root a DSM-PKR proves: hash the leaf, then fold in each ITN node on the side given by the bits of MID.</summary>
    public static byte[] RootFromProof(ReadOnlySpan<byte> leaf, int messageId, ReadOnlySpan<byte> intermediateNodes)
    {
        if (messageId is < 0 or >= LeafCount) throw new ArgumentOutOfRangeException(nameof(messageId));
        if (intermediateNodes.Length != Depth * NodeBytes)
            throw new ArgumentException($"ITN is {Depth * NodeBytes} bytes, got {intermediateNodes.Length}", nameof(intermediateNodes));
        var node = SHA256.HashData(leaf);
        for (var j = 0; j < Depth; j++)
        {
            var sibling = intermediateNodes.Slice(j * NodeBytes, NodeBytes);
            node = ((messageId >> j) & 1) == 0 ? Combine(node, sibling) : Combine(sibling, node);
        }
        return node;
    }

    private static byte[] Combine(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> both = stackalloc byte[2 * NodeBytes];
        left.CopyTo(both);
        right.CopyTo(both[NodeBytes..]);
        return SHA256.HashData(both);
    }
}
