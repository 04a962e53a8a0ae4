using GeoEdge.Geofencing;
using GeoEdge.Geofencing.Geodesy;

namespace GeoEdge.Jurisdictions.Data;

/// <summary>
/// "Is the whole disc inside region X", decided as <see cref="GeofenceEvaluator"/> decides Inside for the
/// region's fence, but measuring only the region's edges in the index cells near the point.
///
/// Why it agrees: the evaluator says Inside when the point is inside and its nearest edge is farther than
/// a threshold set by the radius and the model margin. <see cref="SegmentDistance"/> is a haversine
/// distance to a real point of the edge, so an edge within search distance S has a point within S of the
/// centre, hence inside a box that holds the spherical cap of radius S, hence in a cell overlapping that
/// box. With S a little above the threshold, the nearest edge found is the true nearest whenever it
/// matters; farther than S, the answer is Inside either way. Where the box would reach a pole or the
/// antimeridian, or the radius is very large, the whole region is evaluated instead.
/// </summary>
internal static class DiscContainment
{
    /// <summary>Beyond this search radius (in degrees of arc) the box stops paying off.</summary>
    private const double MaxSearchDegrees = 5;
    private const double RadiansToDegrees = 180 / Math.PI;

    public static bool WhollyInside(RegionSet set, int region, GeoPoint center, double radiusMeters, Func<PolygonFence> wholeRegion)
    {
        if (!double.IsFinite(radiusMeters) || radiusMeters < 0)
            throw new ArgumentOutOfRangeException(nameof(radiusMeters), radiusMeters, "radius must be a finite, non-negative number of meters");
        double lat = center.Latitude, lon = center.Longitude;
        // The threshold, inverted from the evaluator's margin, with room to spare: a larger search is always safe.
        var search = (radiusMeters + GeofenceEvaluator.ModelErrorFloorMeters) / (1 - GeofenceEvaluator.ModelErrorFraction) * 1.001 + 1;
        var arc = search / Haversine.EarthRadiusMeters;
        var halfHeight = arc * RadiansToDegrees * 1.001 + 1e-9;
        if (halfHeight > MaxSearchDegrees || Math.Abs(lat) + halfHeight >= 89)
            return Whole(wholeRegion(), center, radiusMeters);
        // A spherical cap of angular radius a around latitude phi spans asin(sin a / cos phi) in longitude.
        var halfWidth = Math.Asin(Math.Min(1, Math.Sin(arc) / Math.Cos(lat / RadiansToDegrees))) * RadiansToDegrees * 1.001 + 1e-9;
        if (lon - halfWidth <= -180 || lon + halfWidth >= 180)
            return Whole(wholeRegion(), center, radiusMeters);

        if (!set.Holds(region, lon, lat)) return false;
        var nearest = set.NearestEdgeMeters(region, center, lon - halfWidth, lat - halfHeight, lon + halfWidth, lat + halfHeight);
        return double.IsPositiveInfinity(nearest) || GeofenceEvaluator.Classify(nearest, radiusMeters) == GeofenceResult.Inside;
    }

    private static bool Whole(PolygonFence fence, GeoPoint center, double radiusMeters) =>
        GeofenceEvaluator.Evaluate(new GeofencePolicy("region", 0, fence), center, radiusMeters).Result == GeofenceResult.Inside;
}
