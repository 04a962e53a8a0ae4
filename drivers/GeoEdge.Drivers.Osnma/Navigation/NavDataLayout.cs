namespace GeoEdge.Drivers.Osnma.Navigation;

/// <summary>
/// Which word bits each ADKD authenticates (ICD 1.1 tables 12 and 13, as galileo-osnma and OSNMAlib read them):
/// ADKD 0 and 12: WT1 bits 6..125, WT2 6..125, WT3 6..127, WT4 6..125, WT5 6..72 = 549 bits;
/// ADKD 4: WT6 bits 6..104 and WT10 bits 86..127 = 141 bits.
/// </summary>
internal static class NavDataLayout
{
    public const int CedBits = 549;
    public const int TimingBits = 141;
    public const int CedBytes = (CedBits + 7) / 8;
    public const int TimingBytes = (TimingBits + 7) / 8;

    /// <summary>(word type, first word bit, bit count) in message order.</summary>
    public static readonly (int Type, int Start, int Count)[] Ced =
        [(1, 6, 120), (2, 6, 120), (3, 6, 122), (4, 6, 120), (5, 6, 67)];

    public static readonly (int Type, int Start, int Count)[] Timing = [(6, 6, 99), (10, 86, 42)];

    public static int BitsFor(int adkd) => adkd == 4 ? TimingBits : CedBits;
}
