using GeoEdge.Drivers.Gnss.Galileo;

namespace GeoEdge.Drivers.Osnma.Simulator;

/// <summary>How a MACK position is filled: a fixed ADKD for the transmitting satellite (S) or another one (E), or flexible.</summary>
public enum MacSlotKind
{
    Self,
    Cross,
    Flexible,
}

public readonly record struct MacSlot(MacSlotKind Kind, int Adkd)
{
    public static MacSlot Parse(string text) => text switch
    {
        "FLX" => new MacSlot(MacSlotKind.Flexible, -1),
        _ when text.Length == 3 && (text[2] == 'S' || text[2] == 'E') && int.TryParse(text.AsSpan(0, 2), out var adkd) =>
            new MacSlot(text[2] == 'S' ? MacSlotKind.Self : MacSlotKind.Cross, adkd),
        _ => throw new FormatException($"'{text}' is not a MAC look-up table entry"),
    };
}

/// <summary>
/// The MAC look-up table (OSNMA SIS ICD 1.1 Annex C): for each MACLT id the number of tags nt and two sequences.
/// Sequence 1 applies to subframes whose GST_SF has TOW % 60 == 0, sequence 2 to TOW % 60 == 30 (checked against the
/// test vectors: with MACLT 33 the E02 MACK at TOW 277260 follows sequence 1). Position 0 is always Tag0 (00S).
/// </summary>
public static class MacLookupTable
{
    private static readonly Dictionary<int, (string[] First, string[] Second)> Entries = new()
    {
        [27] = (["00S", "00E", "00E", "00E", "12S", "00E"], ["00S", "00E", "00E", "04S", "12S", "00E"]),
        [28] = (["00S", "00E", "00E", "00E", "00S", "00E", "00E", "12S", "00E", "00E"], ["00S", "00E", "00E", "00S", "00E", "00E", "04S", "12S", "00E", "00E"]),
        [31] = (["00S", "00E", "00E", "12S", "00E"], ["00S", "00E", "00E", "12S", "04S"]),
        [33] = (["00S", "00E", "04S", "00E", "12S", "00E"], ["00S", "00E", "00E", "12S", "00E", "12E"]),
        [34] = (["00S", "FLX", "04S", "FLX", "12S", "00E"], ["00S", "FLX", "00E", "12S", "00E", "12E"]),
        [35] = (["00S", "FLX", "04S", "FLX", "12S", "FLX"], ["00S", "FLX", "FLX", "12S", "FLX", "FLX"]),
        [36] = (["00S", "FLX", "04S", "FLX", "12S"], ["00S", "FLX", "00E", "12S", "12E"]),
        [37] = (["00S", "00E", "04S", "00E", "12S"], ["00S", "00E", "00E", "12S", "12E"]),
        [38] = (["00S", "FLX", "04S", "FLX", "12S"], ["00S", "FLX", "FLX", "12S", "FLX"]),
        [39] = (["00S", "FLX", "04S", "FLX"], ["00S", "FLX", "00E", "12S"]),
        [40] = (["00S", "00E", "04S", "12S"], ["00S", "00E", "00E", "12E"]),
        [41] = (["00S", "FLX", "04S", "FLX"], ["00S", "FLX", "FLX", "12S"]),
    };

    public static bool IsDefined(int id) => Entries.ContainsKey(id);

    public static int TagCount(int id) => Lookup(id).First.Length;

    /// <summary>The sequence (nt slots, Tag0 first) for the MACK of the subframe starting at <paramref name="subframeStart"/>.</summary>
    public static IReadOnlyList<MacSlot> Sequence(int id, GalileoSystemTime subframeStart)
    {
        var (first, second) = Lookup(id);
        return Array.ConvertAll(subframeStart.TimeOfWeek % 60 < 30 ? first : second, MacSlot.Parse);
    }

    private static (string[] First, string[] Second) Lookup(int id) =>
        Entries.TryGetValue(id, out var entry) ? entry : throw new ArgumentOutOfRangeException(nameof(id), id, "not a MAC look-up table id of ICD 1.1 Annex C");
}
