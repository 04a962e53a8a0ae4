namespace GeoEdge.Drivers.Osnma.Simulator;

/// <summary>
/// Field positions inside the 128-bit I/NAV word (bit 0 = first bit of the 6-bit word type) that OSNMA authenticates
/// (OSNMA SIS ICD 1.1 Table 13 / OS SIS ICD 4.3.5): ADKD 0 and 12 cover WT1..WT4 bits 6..125 (WT3 6..127) and WT5
/// bits 6..72; ADKD 4 covers WT6 bits 6..104 and WT10 bits 86..127 (the GST-GPS conversion).
/// </summary>
public static class InavWordFields
{
    public const int WordBits = 128;
    public const int WordBytes = 16;

    /// <summary>(word type, first bit, bit count) in the order the ADKD's navigation data concatenates them.</summary>
    public static IReadOnlyList<(int WordType, int Start, int Length)> Coverage(int adkd) => adkd switch
    {
        0 or 12 => EphemerisCoverage,
        4 => TimingCoverage,
        _ => throw new ArgumentOutOfRangeException(nameof(adkd), adkd, "ADKD 0, 4 and 12 are defined"),
    };

    /// <summary>NavData length per ADKD: 549 bits for 0/12, 141 for 4.</summary>
    public static int NavDataBits(int adkd) => Coverage(adkd).Sum(c => c.Length);

    private static readonly (int, int, int)[] EphemerisCoverage = [(1, 6, 120), (2, 6, 120), (3, 6, 122), (4, 6, 120), (5, 6, 67)];
    private static readonly (int, int, int)[] TimingCoverage = [(6, 6, 99), (10, 86, 42)];

    public static int WordType(ReadOnlySpan<byte> word) => word[0] >> 2;
}
