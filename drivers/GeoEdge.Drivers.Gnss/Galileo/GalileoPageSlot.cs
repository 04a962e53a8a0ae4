namespace GeoEdge.Drivers.Gnss.Galileo;

/// <summary>The pages of all satellites that started at the same GST: one 2-second I/NAV page slot.</summary>
public sealed record GalileoPageSlot(GalileoSystemTime Start, IReadOnlyList<GalileoPage> Pages)
{
    public const int Seconds = 2;

    /// <summary>When the pages of this slot are complete, and a receiver delivers them.</summary>
    public GalileoSystemTime End => Start.AddSeconds(Seconds);

    /// <summary>Cuts a time-ordered page sequence (e.g. <see cref="OsnmaTestVectorFile.Read"/>) into slots of equal start.</summary>
    public static IEnumerable<GalileoPageSlot> Group(IEnumerable<GalileoPage> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        List<GalileoPage>? current = null;
        foreach (var page in pages)
        {
            if (current is not null && current[0].Start != page.Start)
            {
                yield return new GalileoPageSlot(current[0].Start, current);
                current = null;
            }
            (current ??= []).Add(page);
        }
        if (current is not null) yield return new GalileoPageSlot(current[0].Start, current);
    }
}
