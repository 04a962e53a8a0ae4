namespace GeoEdge.Geofencing;

public enum GeofenceResult
{
    /// <summary>The whole uncertainty disc lies inside the fence.</summary>
    Inside,
    /// <summary>The whole uncertainty disc lies outside the fence.</summary>
    Outside,
    /// <summary>The disc touches the boundary: the location cannot be decided either way.</summary>
    Indeterminate,
}

/// <param name="Result">the verdict; never a guess.</param>
/// <param name="DistanceToBoundaryMeters">signed distance from the point to the fence boundary on the mean-Earth sphere: positive inside, negative outside, 0 on the boundary.</param>
/// <param name="Explanation">one human-readable sentence saying why, for logs and for the EAR.</param>
public sealed record GeofenceDecision(GeofenceResult Result, double DistanceToBoundaryMeters, string Explanation);
