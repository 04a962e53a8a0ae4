namespace GeoEdge.Bridge.Geofencing;

/// <summary>How much of the location a result may reveal, from least to most (the order is the enum's).</summary>
public enum DisclosureLevel
{
    /// <summary>The match result only: no coordinates, no jurisdiction.</summary>
    None,
    /// <summary>The jurisdiction only (grc.jurisdiction-country / -state), no coordinates.</summary>
    Approximate,
    /// <summary>A grid-snapped circle of at least the given radius containing the location's disc.</summary>
    Circle,
    /// <summary>A grid-snapped box of at least the given side containing the location's disc.</summary>
    BoundingBox,
    /// <summary>The coordinates and their uncertainty as GL computed them.</summary>
    Precise,
}

/// <summary>
/// A policy's disclosure: its level and, for circle and bounding-box, the size of the area revealed
/// (radius, respectively side, in meters). The default is <see cref="Least"/>: a policy that does not say
/// reveals nothing but its match result.
/// </summary>
public sealed record Disclosure(DisclosureLevel Level, double SizeMeters = 0)
{
    public static readonly Disclosure Least = new(DisclosureLevel.None);

    public bool RevealsCoordinates => Level >= DisclosureLevel.Circle;

    public bool RevealsJurisdiction => Level >= DisclosureLevel.Approximate;

    /// <summary>
    /// The disclosure that reveals least among several (each policy of a host limits what its result may
    /// say, so all of them apply): the lowest level; between areas, the larger one (a circle counts by its
    /// diameter against a box's side); none at all means <see cref="Least"/>.
    /// </summary>
    public static Disclosure MostRestrictive(IEnumerable<Disclosure> disclosures)
    {
        Disclosure? result = null;
        foreach (var d in disclosures)
            if (result is null || Restricts(d, result)) result = d;
        return result ?? Least;
    }

    private static bool Restricts(Disclosure a, Disclosure b)
    {
        var areaA = a.Level is DisclosureLevel.Circle or DisclosureLevel.BoundingBox;
        var areaB = b.Level is DisclosureLevel.Circle or DisclosureLevel.BoundingBox;
        if (areaA && areaB) return a.ExtentMeters > b.ExtentMeters || (a.ExtentMeters == b.ExtentMeters && a.Level < b.Level);
        return a.Level < b.Level;
    }

    private double ExtentMeters => Level == DisclosureLevel.Circle ? 2 * SizeMeters : SizeMeters;

    public string Name => Level switch
    {
        DisclosureLevel.None => "none",
        DisclosureLevel.Approximate => "approximate",
        DisclosureLevel.Circle => "circle",
        DisclosureLevel.BoundingBox => "bounding-box",
        _ => "precise",
    };
}
