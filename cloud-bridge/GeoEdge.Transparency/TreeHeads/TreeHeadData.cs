using System.Buffers.Binary;

namespace GeoEdge.Transparency;

/// <summary>
/// The TLS presentation (RFC 8446 section 3) of RFC 9162's TreeHeadDataV2, the bytes a tree head signature covers:
/// <code>
/// struct {
///     uint64 timestamp;                          // ms since the epoch
///     uint64 tree_size;
///     opaque root_hash&lt;32..2^8-1&gt;;             // one length byte, then the hash
///     Extension sth_extensions&lt;0..2^16-1&gt;;     // two length bytes; we have none
/// } TreeHeadDataV2;
/// </code>
/// </summary>
public static class TreeHeadData
{
    /// <summary>8 + 8 + 1 + 32 + 2 bytes.</summary>
    public const int EncodedLength = 8 + 8 + 1 + MerkleHash.Size + 2;

    public static byte[] Encode(long timestampMs, long treeSize, ReadOnlySpan<byte> rootHash)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(timestampMs);
        ArgumentOutOfRangeException.ThrowIfNegative(treeSize);
        if (rootHash.Length != MerkleHash.Size) throw new ArgumentException($"root hash must be {MerkleHash.Size} bytes, got {rootHash.Length}", nameof(rootHash));
        var data = new byte[EncodedLength];
        BinaryPrimitives.WriteUInt64BigEndian(data.AsSpan(0), (ulong)timestampMs);
        BinaryPrimitives.WriteUInt64BigEndian(data.AsSpan(8), (ulong)treeSize);
        data[16] = MerkleHash.Size;
        rootHash.CopyTo(data.AsSpan(17));
        // sth_extensions: an empty vector, its two length bytes stay zero.
        return data;
    }
}
