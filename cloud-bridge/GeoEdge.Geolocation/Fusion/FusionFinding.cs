namespace GeoEdge.Geolocation;

/// <summary>Something GL noticed; <paramref name="Code"/> is one of <see cref="FindingCodes"/>, the message is for people.</summary>
public sealed record FusionFinding(string Code, string Message);

/// <summary>The stable finding codes (dashboards and policies match on them: never rename).</summary>
public static class FindingCodes
{
    /// <summary>The GNSS fix is farther from the serving cell than the cell's range, the fix's uncertainty and the margin allow.</summary>
    public const string GnssCellMismatch = "gnss-cell-mismatch";
    /// <summary>The network said FALSE for a circle the position lies within.</summary>
    public const string NetworkDenies = "network-denies";
    /// <summary>The network said TRUE for a circle the position lies well outside of.</summary>
    public const string GnssNetworkMismatch = "gnss-network-mismatch";
    public const string NetworkPartial = "network-partial";
    public const string NetworkUnknown = "network-unknown";
    /// <summary>The modem reported a serving cell the database does not know.</summary>
    public const string CellUnknown = "cell-unknown";
    /// <summary>Reaching this position from the previous one needs a speed above <see cref="FusionOptions.MaxSpeedMps"/>.</summary>
    public const string ImplausibleSpeed = "implausible-speed";
    /// <summary>A host declared stationary is farther from its anchor than the tolerance, its radius and the margin allow.</summary>
    public const string StationaryHostMoved = "stationary-host-moved";
    public const string NoLocationSource = "no-location-source";

    /// <summary>Whether the finding is a contradiction between sources (it makes the grade F), not merely a source saying nothing.</summary>
    public static bool IsContradiction(string code) =>
        code is GnssCellMismatch or NetworkDenies or GnssNetworkMismatch or ImplausibleSpeed or StationaryHostMoved;
}
