namespace GeoEdge.Drivers.Osnma.Simulator;

/// <summary>
/// Which word type each of the 15 pages of an E1-B subframe carries. The official test vectors (2023) send
/// 2, 4, 6, 7|9, 8|10, 17|18, 19|20, 16, 0, 0, 1, 3, 5, 0, 16 (the bars alternate between odd and even subframes).
/// This schedule keeps words 1-6 and 0 in those slots, puts WT10 in slot 4 of every subframe (so ADKD 4 data is
/// complete each subframe) and sends dummy words (63) where the almanac, reduced CED and Reed-Solomon words would be.
/// </summary>
public static class E1bWordSchedule
{
    public const int PagesPerSubframe = 15;

    public static IReadOnlyList<int> WordTypes { get; } = [2, 4, 6, 63, 10, 63, 63, 63, 0, 0, 1, 3, 5, 0, 63];
}
