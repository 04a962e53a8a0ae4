using System.Security.Cryptography;

namespace GeoEdge.Transparency;

/// <summary>
/// RFC 9162 section 2.1.1 hashing with SHA-256. Leaves and interior nodes are hashed with different
/// one-byte prefixes (0x00, 0x01) so that no interior node can ever be presented as a leaf (second preimage).
/// </summary>
public static class MerkleHash
{
    public const int Size = 32;

    private const byte LeafPrefix = 0x00;
    private const byte NodePrefix = 0x01;

    /// <summary>MTH({}) = SHA-256 of the empty string.</summary>
    public static byte[] EmptyTree() => SHA256.HashData(ReadOnlySpan<byte>.Empty);

    /// <summary>MTH({d}) = SHA-256(0x00 || d).</summary>
    public static byte[] Leaf(ReadOnlySpan<byte> entry)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData([LeafPrefix]);
        hash.AppendData(entry);
        return hash.GetHashAndReset();
    }

    /// <summary>SHA-256(0x01 || left || right).</summary>
    public static byte[] Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> input = stackalloc byte[1 + 2 * Size];
        if (left.Length != Size || right.Length != Size) throw new ArgumentException($"node children must be {Size}-byte hashes, got {left.Length} and {right.Length}");
        input[0] = NodePrefix;
        left.CopyTo(input[1..]);
        right.CopyTo(input[(1 + Size)..]);
        return SHA256.HashData(input);
    }
}
