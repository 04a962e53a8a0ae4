using GeoEdge.Geofencing;

namespace GeoEdge.Jurisdictions.Data;

/// <summary>Turns a loaded region into the <see cref="PolygonFence"/> the geofence evaluator measures distances against.</summary>
internal static class FenceBuilder
{
    public static PolygonFence Build(BoundaryRegion region)
    {
        var polygons = new List<GeoPolygon>(region.PolygonCount);
        for (var p = 0; p < region.PolygonCount; p++)
        {
            var first = region.PolygonStarts[p];
            var end = region.PolygonStarts[p + 1];
            var holes = new List<IReadOnlyList<GeoPoint>>(end - first - 1);
            for (var r = first + 1; r < end; r++) holes.Add(Ring(region, r));
            polygons.Add(new GeoPolygon(Ring(region, first), holes));
        }
        return new PolygonFence(polygons);
    }

    private static GeoPoint[] Ring(BoundaryRegion region, int ring)
    {
        var start = region.RingStarts[ring];
        var points = new GeoPoint[region.RingStarts[ring + 1] - start];
        for (var i = 0; i < points.Length; i++) points[i] = new GeoPoint(region.Lat[start + i], region.Lon[start + i]);
        return points;
    }
}
