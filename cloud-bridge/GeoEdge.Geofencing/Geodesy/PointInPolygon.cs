namespace GeoEdge.Geofencing.Geodesy;

public enum RingPosition { Inside, Outside, OnBoundary }

/// <summary>
/// Even-odd ray casting in longitude/latitude space, where GeoJSON edges are straight. A point
/// lying exactly on an edge or vertex is reported as such instead of being assigned to a side by
/// the accident of floating-point rounding.
/// </summary>
public static class PointInPolygon
{
    public static RingPosition Locate(GeoPoint p, IReadOnlyList<GeoPoint> closedRing)
    {
        var inside = false;
        var x = p.Longitude;
        var y = p.Latitude;
        for (int i = 0, j = closedRing.Count - 1; i < closedRing.Count; j = i++)
        {
            var a = closedRing[j];
            var b = closedRing[i];
            if (IsOnSegment(x, y, a, b)) return RingPosition.OnBoundary;
            // Half-open rule (one end inclusive, the other exclusive) so a ray through a vertex
            // counts the two edges meeting there once, not twice.
            if ((b.Latitude > y) != (a.Latitude > y))
            {
                var crossingLon = b.Longitude + (y - b.Latitude) * (a.Longitude - b.Longitude) / (a.Latitude - b.Latitude);
                if (x < crossingLon) inside = !inside;
            }
        }
        return inside ? RingPosition.Inside : RingPosition.Outside;
    }

    private static bool IsOnSegment(double x, double y, GeoPoint a, GeoPoint b)
    {
        if (x < Math.Min(a.Longitude, b.Longitude) || x > Math.Max(a.Longitude, b.Longitude)) return false;
        if (y < Math.Min(a.Latitude, b.Latitude) || y > Math.Max(a.Latitude, b.Latitude)) return false;
        var cross = (b.Longitude - a.Longitude) * (y - a.Latitude) - (b.Latitude - a.Latitude) * (x - a.Longitude);
        return cross == 0;
    }
}
