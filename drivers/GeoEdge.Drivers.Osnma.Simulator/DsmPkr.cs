using System.Security.Cryptography;

namespace GeoEdge.Drivers.Osnma.Simulator;

/// <summary>
/// DSM-PKR encoder (OSNMA SIS ICD 1.1 Figure 5): NB_DP 4 | MID 4 | ITN 1024 | NPKT 4 | NPKID 4 | NPK | P_DP, with
/// L_DP = 104 x ceil((1040 + l_npk) / 104) and P_DP = the first bytes of SHA-256(root || NPKT || NPKID || NPK)
/// (checked against the real DSM-PKR of configuration_2). An alert message fills the whole message with its NPK
/// and has no padding.
/// </summary>
public static class DsmPkr
{
    /// <summary>Bytes before NPK: NB_DP/MID, ITN, NPKT/NPKID.</summary>
    public const int HeaderBytes = 130;

    public static int BlockCount(OsnmaPublicKeyType type) => type == OsnmaPublicKeyType.AlertMessage
        ? OsnmaMerkleLeaf.AlertMessageBlocks
        : (1040 + OsnmaPublicKeyTypes.PublicKeyBytes(type) * 8 + 103) / 104;

    public static byte[] Encode(OsnmaMerkleTree tree, int leafIndex)
    {
        ArgumentNullException.ThrowIfNull(tree);
        if (leafIndex is < 0 or >= OsnmaMerkleTree.LeafCount) throw new ArgumentOutOfRangeException(nameof(leafIndex));
        var leaf = tree.Leaves[leafIndex];
        var blocks = BlockCount(leaf.Type);
        var total = blocks * OsnmaFieldSizes.DsmBlockBytes;
        var leafBytes = leaf.ToBytes();
        if (HeaderBytes - 1 + leafBytes.Length > total)
            throw new ArgumentException($"leaf {leafIndex} does not fit a {blocks}-block DSM-PKR", nameof(leafIndex));

        var dsm = new byte[total];
        dsm[0] = (byte)(((blocks - 6) << 4) | leafIndex);
        tree.IntermediateNodes(leafIndex).CopyTo(dsm, 1);
        leafBytes.CopyTo(dsm, HeaderBytes - 1);
        var padStart = HeaderBytes - 1 + leafBytes.Length;
        if (padStart < total)
        {
            var padding = SHA256.HashData([.. tree.Root.Span, .. leafBytes]);
            padding.AsSpan(0, total - padStart).CopyTo(dsm.AsSpan(padStart));
        }
        return dsm;
    }
}
