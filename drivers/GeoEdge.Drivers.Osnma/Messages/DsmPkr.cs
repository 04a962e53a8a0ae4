using System.Security.Cryptography;
using GeoEdge.Drivers.Osnma.Crypto;

namespace GeoEdge.Drivers.Osnma.Messages;

/// <summary>
/// A DSM-PKR (ICD 1.1 section 3.2.4): NB_DP 4, MID 4, ITN 1024 bits (four 256-bit Merkle tree nodes, leaf level
/// first), NPKT 4, NPKID 4, NPK (264 bits P-256, 536 bits P-521, the rest of the message for an alert message)
/// and padding P_DP.
/// </summary>
internal sealed class DsmPkr
{
    private const int ItnOffset = 1;
    private const int ItnBytes = 128;
    private const int NpkOffset = 130;

    private DsmPkr(byte[] bytes, int npkBytes)
    {
        Bytes = bytes;
        NpkBytes = npkBytes;
    }

    public byte[] Bytes { get; }
    public int MerkleLeafIndex => Bytes[0] & 0xF;
    public int Npkt => Bytes[129] >> 4;
    public int Npkid => Bytes[129] & 0xF;
    public bool IsAlert => Npkt == OsnmaKeyTypes.AlertMessage;
    private int NpkBytes { get; }
    public ReadOnlySpan<byte> Npk => Bytes.AsSpan(NpkOffset, NpkBytes);
    public ReadOnlySpan<byte> Padding => Bytes.AsSpan(NpkOffset + NpkBytes);

    /// <summary>The Merkle leaf m_i = NPKT || NPKID || NPK.</summary>
    public ReadOnlySpan<byte> Leaf => Bytes.AsSpan(129, 1 + NpkBytes);

    public static bool TryParse(ReadOnlySpan<byte> dsm, out DsmPkr? pkr, out string error)
    {
        pkr = null;
        if (dsm.Length < 13 * DsmBlocks.BlockBytes || dsm.Length % DsmBlocks.BlockBytes != 0)
        {
            error = $"a DSM-PKR is 13 to 16 blocks of 13 bytes, got {dsm.Length} bytes";
            return false;
        }
        var blocks = DsmBlocks.Count(true, dsm[0] >> 4);
        if (blocks * DsmBlocks.BlockBytes != dsm.Length)
        {
            error = $"NB_DP {dsm[0] >> 4} means {blocks} blocks, the DSM has {dsm.Length / DsmBlocks.BlockBytes}";
            return false;
        }
        var npkt = dsm[129] >> 4;
        int npkBytes;
        if (npkt == OsnmaKeyTypes.AlertMessage) npkBytes = dsm.Length - NpkOffset;
        else if (OsnmaKeyTypes.TryFromNpkt(npkt, out var type)) npkBytes = OsnmaKeyTypes.CompressedPointBytes(type);
        else
        {
            error = $"NPKT {npkt} is reserved";
            return false;
        }
        // ICD: l_DP = 104 * ceil((1040 + l_NPK) / 104) bits.
        var expectedBytes = 104 * (int)Math.Ceiling((1040 + npkBytes * 8) / 104.0) / 8;
        if (expectedBytes != dsm.Length)
        {
            error = $"a {npkBytes * 8}-bit NPK needs a {expectedBytes}-byte DSM-PKR, got {dsm.Length}";
            return false;
        }
        pkr = new DsmPkr(dsm.ToArray(), npkBytes);
        error = "";
        return true;
    }

    /// <summary>
    /// Merkle verification (ICD 1.1 section 6.2): x = SHA-256(m_i), then for each level the node is hashed with the
    /// ITN of that level, the ITN on the left when the bit of MID for that level is 1; the result must be the root.
    /// The padding must be P_DP = trunc(l_PDP, SHA-256(root || m_i)).
    /// </summary>
    public bool Verify(ReadOnlySpan<byte> merkleRoot, out string failure)
    {
        var computed = MerkleRootFrom(Leaf, MerkleLeafIndex, Bytes.AsSpan(ItnOffset, ItnBytes));
        if (!CryptographicOperations.FixedTimeEquals(computed, merkleRoot))
        {
            failure = $"Merkle path of leaf {MerkleLeafIndex} does not lead to the root";
            return false;
        }
        var paddingInput = new byte[merkleRoot.Length + Leaf.Length];
        merkleRoot.CopyTo(paddingInput);
        Leaf.CopyTo(paddingInput.AsSpan(merkleRoot.Length));
        var digest = SHA256.HashData(paddingInput);
        if (Padding.Length > digest.Length || !Padding.SequenceEqual(digest.AsSpan(0, Padding.Length)))
        {
            failure = "padding P_DP is not the truncated SHA-256 of root || leaf";
            return false;
        }
        failure = "";
        return true;
    }

    /// <summary>The root a leaf reaches with four sibling nodes (32 bytes each, leaf level first).</summary>
    public static byte[] MerkleRootFrom(ReadOnlySpan<byte> leaf, int leafIndex, ReadOnlySpan<byte> siblings)
    {
        if (siblings.Length != ItnBytes) throw new ArgumentException("four 32-byte nodes expected", nameof(siblings));
        var node = SHA256.HashData(leaf);
        Span<byte> pair = stackalloc byte[64];
        for (var level = 0; level < 4; level++)
        {
            var sibling = siblings.Slice(level * 32, 32);
            if (((leafIndex >> level) & 1) == 1)
            {
                sibling.CopyTo(pair);
                node.CopyTo(pair[32..]);
            }
            else
            {
                node.CopyTo(pair);
                sibling.CopyTo(pair[32..]);
            }
            node = SHA256.HashData(pair);
        }
        return node;
    }
}
