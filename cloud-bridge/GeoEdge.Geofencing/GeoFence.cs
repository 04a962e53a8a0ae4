namespace GeoEdge.Geofencing;

/// <summary>A geographic area a policy admits. Closed set: <see cref="CircleFence"/>, <see cref="PolygonFence"/> and <see cref="RectangleFence"/>.</summary>
public abstract record GeoFence
{
    // Only this assembly may add shapes: the evaluator must know how to measure every one of them.
    private protected GeoFence() { }
}
