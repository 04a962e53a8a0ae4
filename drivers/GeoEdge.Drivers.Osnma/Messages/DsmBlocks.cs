namespace GeoEdge.Drivers.Osnma.Messages;

/// <summary>How many 13-byte blocks a DSM has, from the 4-bit NB field at the start of block 0.</summary>
internal static class DsmBlocks
{
    public const int BlockBytes = 13;
    public const int MaxBlocks = 16;

    /// <summary>ICD table 7 (NB_DK 1..8 -> 7..14 blocks) for DSM-KROOT, table 3 (NB_DP 7..10 -> 13..16) for DSM-PKR; 0 when reserved.</summary>
    public static int Count(bool isPkr, int nb) => isPkr
        ? nb is >= 7 and <= 10 ? nb + 6 : 0
        : nb is >= 1 and <= 8 ? nb + 6 : 0;
}
