using GeoEdge.Bridge.Verification;

namespace GeoEdge.Bridge.Geolocation;

/// <summary>
/// The bridge's decision on whether a fix is OSNMA-authenticated, with every reason it is not.
/// <paramref name="Findings"/> are the conditions that failed (empty exactly when the fix is
/// authenticated); <paramref name="Warnings"/> do not stop authentication but keep the result below affirming.
/// </summary>
public sealed record GnssAuthentication(
    int SatellitesListed,
    int AuthenticatedSatellites,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<Finding> Warnings)
{
    public bool Authenticated => Findings.Count == 0;

    /// <summary>The receiver itself says it is being spoofed: the location is not merely unproven but contradicted.</summary>
    public bool SpoofingIndicated => Findings.Any(f => f.Code == FindingCodes.GnssSpoofingIndicated);
}
