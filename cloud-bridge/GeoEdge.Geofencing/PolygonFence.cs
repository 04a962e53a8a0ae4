namespace GeoEdge.Geofencing;

/// <summary>
/// The union of one or more polygons (a GeoJSON Polygon or MultiPolygon). A point belongs to the
/// fence when it lies inside the exterior ring of some polygon and inside none of that polygon's holes.
/// Edges are straight lines in longitude/latitude space, as RFC 7946 section 3.1.1 defines them.
/// Build it with <see cref="GeoJson.GeoJsonFenceParser"/>, which validates every ring.
/// </summary>
public sealed record PolygonFence : GeoFence
{
    public IReadOnlyList<GeoPolygon> Polygons { get; }

    public PolygonFence(IReadOnlyList<GeoPolygon> polygons)
    {
        ArgumentNullException.ThrowIfNull(polygons);
        if (polygons.Count == 0) throw new ArgumentException("a polygon fence needs at least one polygon", nameof(polygons));
        Polygons = polygons;
    }
}

/// <summary>One polygon: an exterior ring and the holes cut out of it. Rings are closed (first position == last).</summary>
public sealed record GeoPolygon(IReadOnlyList<GeoPoint> Exterior, IReadOnlyList<IReadOnlyList<GeoPoint>> Holes);
