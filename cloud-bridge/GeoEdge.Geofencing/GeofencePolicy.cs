namespace GeoEdge.Geofencing;

/// <summary>A named, versioned fence; the id and version travel into every decision so that a result can be traced to the exact policy text.</summary>
public sealed record GeofencePolicy
{
    public string Id { get; }
    public int Version { get; }
    public GeoFence Fence { get; }

    public GeofencePolicy(string id, int version, GeoFence fence)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        ArgumentNullException.ThrowIfNull(fence);
        Id = id;
        Version = version;
        Fence = fence;
    }
}
