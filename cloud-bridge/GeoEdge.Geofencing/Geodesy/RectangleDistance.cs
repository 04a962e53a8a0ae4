namespace GeoEdge.Geofencing.Geodesy;

/// <summary>
/// Signed distance from a point to the boundary of a <see cref="RectangleFence"/>: positive inside,
/// negative outside. The boundary is the west and east meridian edges and the south and north parallel
/// edges; the parallels are measured in pieces of at most 90 degrees so that
/// <see cref="SegmentDistance"/>'s short-way longitude wrapping never mistakes a long edge for its
/// complement. A box crossing the antimeridian is measured the same way: the seam at 180 is no edge.
/// </summary>
public static class RectangleDistance
{
    private const double MaxPieceDegrees = 90;

    public static double SignedDistanceMeters(RectangleFence box, GeoPoint p)
    {
        var inside = p.Latitude >= box.South && p.Latitude <= box.North && box.ContainsLongitude(p.Longitude);
        var nearest = Math.Min(
            SegmentDistance.DistanceMeters(p, new GeoPoint(box.South, box.West), new GeoPoint(box.North, box.West)),
            SegmentDistance.DistanceMeters(p, new GeoPoint(box.South, box.East), new GeoPoint(box.North, box.East)));
        nearest = Math.Min(nearest, ParallelDistance(box, box.South, p));
        nearest = Math.Min(nearest, ParallelDistance(box, box.North, p));
        return inside ? nearest : -nearest;
    }

    private static double ParallelDistance(RectangleFence box, double latitude, GeoPoint p)
    {
        var pieces = (int)Math.Ceiling(box.WidthDegrees / MaxPieceDegrees);
        var step = box.WidthDegrees / pieces;
        var nearest = double.PositiveInfinity;
        for (var i = 0; i < pieces; i++)
        {
            var from = Normalize(box.West + i * step);
            var to = Normalize(box.West + (i + 1) * step);
            // A piece ending exactly on the seam is written with the seam on its own side (180, not -180).
            if (to < from && to == -180) to = 180;
            if (from > to && from == 180) from = -180;
            nearest = Math.Min(nearest, SegmentDistance.DistanceMeters(p, new GeoPoint(latitude, from), new GeoPoint(latitude, to)));
        }
        return nearest;
    }

    private static double Normalize(double longitude) => longitude > 180 ? longitude - 360 : longitude;
}
