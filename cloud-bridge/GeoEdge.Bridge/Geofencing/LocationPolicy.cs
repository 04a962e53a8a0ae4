using GeoEdge.Geofencing;

namespace GeoEdge.Bridge.Geofencing;

/// <summary>
/// A parsed policy: the area the host must be in (a circle, rectangle, polygon or the boundary of the
/// jurisdiction <see cref="Jurisdiction"/>) and what its result may disclose of the location.
/// </summary>
public sealed record LocationPolicy(string Id, int Version, GeoFence Fence, Disclosure Disclosure, string? Jurisdiction = null)
{
    /// <summary>The fence as the evaluator takes it.</summary>
    public GeofencePolicy Geofence => new(Id, Version, Fence);
}
