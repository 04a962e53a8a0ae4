namespace GeoEdge.Geofencing;

/// <summary>A geographic area a policy admits. Closed set: <see cref="CircleFence"/> and <see cref="PolygonFence"/>.</summary>
public abstract record GeoFence
{
    // Only this assembly may add shapes: the evaluator must know how to measure every one of them.
    private protected GeoFence() { }
}
