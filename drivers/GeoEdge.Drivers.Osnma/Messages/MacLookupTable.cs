namespace GeoEdge.Drivers.Osnma.Messages;

/// <summary>What one tag slot of a MACK must carry: a fixed ADKD for the transmitting satellite (S) or another (E), or anything (FLX).</summary>
internal readonly record struct MacSlot(int Adkd, MacSlotObject Object)
{
    public bool IsFlex => Object == MacSlotObject.Flex;

    public static MacSlot Parse(string text) => text switch
    {
        "FLX" => new MacSlot(-1, MacSlotObject.Flex),
        _ => new MacSlot(int.Parse(text.AsSpan(0, 2), System.Globalization.CultureInfo.InvariantCulture),
            text[2] == 'S' ? MacSlotObject.Self : MacSlotObject.Cross),
    };
}

internal enum MacSlotObject : byte
{
    Self,
    Cross,
    Flex,
}

/// <summary>
/// The MAC look-up table (OSNMA SIS ICD 1.1 annex C, table 16): per MACLT id the number of tags nt and the two
/// tag sequences. Sequence 1 applies to subframes starting at an even half minute (GST_SF mod 60 = 0), sequence 2
/// to the odd one (as gnss-sdr and galileo-osnma select it, and as the test vectors verify).
/// </summary>
internal static class MacLookupTable
{
    private static readonly Dictionary<int, MacSlot[][]> Entries = new()
    {
        [27] = Seq("00S 00E 00E 00E 12S 00E", "00S 00E 00E 04S 12S 00E"),
        [28] = Seq("00S 00E 00E 00E 00S 00E 00E 12S 00E 00E", "00S 00E 00E 00S 00E 00E 04S 12S 00E 00E"),
        [31] = Seq("00S 00E 00E 12S 00E", "00S 00E 00E 12S 04S"),
        [33] = Seq("00S 00E 04S 00E 12S 00E", "00S 00E 00E 12S 00E 12E"),
        [34] = Seq("00S FLX 04S FLX 12S 00E", "00S FLX 00E 12S 00E 12E"),
        [35] = Seq("00S FLX 04S FLX 12S FLX", "00S FLX FLX 12S FLX FLX"),
        [36] = Seq("00S FLX 04S FLX 12S", "00S FLX 00E 12S 12E"),
        [37] = Seq("00S 00E 04S 00E 12S", "00S 00E 00E 12S 12E"),
        [38] = Seq("00S FLX 04S FLX 12S", "00S FLX FLX 12S FLX"),
        [39] = Seq("00S FLX 04S FLX", "00S FLX 00E 12S"),
        [40] = Seq("00S 00E 04S 12S", "00S 00E 00E 12E"),
        [41] = Seq("00S FLX 04S FLX", "00S FLX FLX 12S"),
    };

    public static bool IsDefined(int maclt) => Entries.ContainsKey(maclt);

    public static int TagCount(int maclt) => Entries[maclt][0].Length;

    /// <summary>The slot sequence (slot 0 is Tag0) for a MACK transmitted in the subframe starting at <paramref name="gstSubframe"/> (GST seconds).</summary>
    public static MacSlot[] Sequence(int maclt, long gstSubframe) => Entries[maclt][(int)(gstSubframe / 30 % 2)];

    private static MacSlot[][] Seq(string first, string second) =>
        [first.Split(' ').Select(MacSlot.Parse).ToArray(), second.Split(' ').Select(MacSlot.Parse).ToArray()];
}
