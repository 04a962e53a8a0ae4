using System.Globalization;
using GeoEdge.Geofencing.Geodesy;

namespace GeoEdge.Geofencing;

/// <summary>
/// Decides whether a located point, with its uncertainty radius, is inside a fence. The rule is
/// conservative by construction: Inside only if the whole uncertainty disc is inside, Outside only
/// if the whole disc is outside, Indeterminate otherwise. Stateless and thread-safe.
/// </summary>
public static class GeofenceEvaluator
{
    /// <summary>
    /// Relative error allowed for the distance model: the mean-Earth sphere differs from the WGS-84
    /// ellipsoid by up to about 0.56 % (see <see cref="Haversine"/>), rounded up.
    /// </summary>
    public const double ModelErrorFraction = 0.006;

    /// <summary>Absolute floor of the margin, against floating-point noise at the boundary (a millimetre).</summary>
    public const double ModelErrorFloorMeters = 0.001;

    /// <param name="uncertaintyMeters">radius of the location's uncertainty disc; 0 means an exact point.</param>
    /// <exception cref="ArgumentOutOfRangeException">the uncertainty is NaN, infinite or negative: a broken
    /// location estimate must surface as an error, not as a verdict.</exception>
    public static GeofenceDecision Evaluate(GeofencePolicy policy, GeoPoint point, double uncertaintyMeters)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (!double.IsFinite(uncertaintyMeters) || uncertaintyMeters < 0)
            throw new ArgumentOutOfRangeException(nameof(uncertaintyMeters), uncertaintyMeters,
                "uncertainty must be a finite, non-negative number of meters");

        var signedDistance = policy.Fence switch
        {
            CircleFence circle => circle.RadiusMeters - Haversine.DistanceMeters(circle.Center, point),
            PolygonFence polygons => SignedDistanceToPolygons(polygons, point),
            RectangleFence box => RectangleDistance.SignedDistanceMeters(box, point),
            _ => throw new NotSupportedException($"fence type {policy.Fence.GetType().Name} has no evaluator"),
        };
        return Decide(policy, signedDistance, uncertaintyMeters);
    }

    /// <summary>
    /// The verdict for a signed distance to the boundary (positive inside), for callers that measured it
    /// themselves, e.g. over only the edges near the point: the same rule and margin as <see cref="Evaluate"/>.
    /// </summary>
    public static GeofenceResult Classify(double signedDistanceMeters, double uncertaintyMeters)
    {
        var distance = Math.Abs(signedDistanceMeters);
        var margin = distance * ModelErrorFraction + ModelErrorFloorMeters;
        if (!(distance - margin > uncertaintyMeters)) return GeofenceResult.Indeterminate;
        return signedDistanceMeters > 0 ? GeofenceResult.Inside : GeofenceResult.Outside;
    }

    private static GeofenceDecision Decide(GeofencePolicy policy, double signedDistance, double uncertainty)
    {
        var distance = Math.Abs(signedDistance);
        var margin = distance * ModelErrorFraction + ModelErrorFloorMeters;
        var subject = $"policy '{policy.Id}' v{policy.Version}";
        var result = Classify(signedDistance, uncertainty);

        if (result != GeofenceResult.Indeterminate)
        {
            var side = signedDistance > 0 ? "inside" : "outside";
            return new GeofenceDecision(result, signedDistance, Invariant(
                $"{side} {subject}: {distance:0.0} m from the boundary, more than the {uncertainty:0.0} m uncertainty plus {margin:0.0} m model margin"));
        }

        var where = signedDistance == 0 ? "on the boundary" : signedDistance > 0 ? "inside" : "outside";
        return new GeofenceDecision(GeofenceResult.Indeterminate, signedDistance, Invariant(
            $"indeterminate for {subject}: point is {where}, {distance:0.0} m from the boundary, within the {uncertainty:0.0} m uncertainty plus {margin:0.0} m model margin"));
    }

    private static double SignedDistanceToPolygons(PolygonFence fence, GeoPoint point)
    {
        var inside = false;
        var nearest = double.PositiveInfinity;
        foreach (var polygon in fence.Polygons)
        {
            var position = Locate(polygon, point);
            if (position == RingPosition.OnBoundary) return 0;
            inside |= position == RingPosition.Inside;
            nearest = Math.Min(nearest, NearestEdgeDistance(polygon.Exterior, point));
            foreach (var hole in polygon.Holes)
                nearest = Math.Min(nearest, NearestEdgeDistance(hole, point));
        }
        return inside ? nearest : -nearest;
    }

    private static RingPosition Locate(GeoPolygon polygon, GeoPoint point)
    {
        var exterior = PointInPolygon.Locate(point, polygon.Exterior);
        if (exterior != RingPosition.Inside) return exterior;
        foreach (var hole in polygon.Holes)
        {
            var inHole = PointInPolygon.Locate(point, hole);
            if (inHole == RingPosition.OnBoundary) return RingPosition.OnBoundary;
            if (inHole == RingPosition.Inside) return RingPosition.Outside;
        }
        return RingPosition.Inside;
    }

    private static double NearestEdgeDistance(IReadOnlyList<GeoPoint> ring, GeoPoint point)
    {
        var nearest = double.PositiveInfinity;
        for (var i = 1; i < ring.Count; i++)
            nearest = Math.Min(nearest, SegmentDistance.DistanceMeters(point, ring[i - 1], ring[i]));
        return nearest;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
