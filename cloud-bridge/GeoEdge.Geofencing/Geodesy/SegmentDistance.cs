namespace GeoEdge.Geofencing.Geodesy;

/// <summary>
/// Distance from a point to a polygon edge. GeoJSON edges are straight lines in longitude/latitude
/// space (RFC 7946 section 3.1.1), so the nearest point of the edge is found in a local
/// equirectangular projection (x = R cos(phi) dLon, y = R dLat), which keeps such edges straight,
/// and the distance to that nearest point is then measured exactly on the sphere with haversine.
///
/// Why two passes: the projection's east-west scale is exact only at one latitude. Pass one uses
/// the point's latitude and finds an approximate nearest point q0; pass two uses the mean of the
/// point's and q0's latitude, the classic equirectangular correction, whose scale error over the
/// p-q span is of second order in the latitude difference. A wrong nearest-point parameter only
/// costs a second-order error in distance (the distance is stationary at its minimum), so the
/// residual is far below 0.01 % for distances under a few hundred km at latitudes below 70 degrees;
/// the tests check it against dense sampling of the edge at 69.6 degrees north. Because the
/// returned value is a real distance to a real point of the edge, it can only over-estimate the
/// true minimum, never under-estimate it by more than that residual.
/// </summary>
public static class SegmentDistance
{
    private const double DegreesToRadians = Math.PI / 180.0;

    public static double DistanceMeters(GeoPoint p, GeoPoint a, GeoPoint b)
    {
        var firstGuessLat = NearestLatitudeOnEdge(p, a, b, Math.Cos(p.Latitude * DegreesToRadians), out _);
        var meanLatScale = Math.Cos((p.Latitude + firstGuessLat) / 2 * DegreesToRadians);
        var lat = NearestLatitudeOnEdge(p, a, b, meanLatScale, out var lon);
        return Haversine.DistanceMeters(p.Latitude, p.Longitude, lat, lon);
    }

    /// <summary>Projects the edge into the plane around <paramref name="p"/> with the given east-west scale and returns its nearest point.</summary>
    private static double NearestLatitudeOnEdge(GeoPoint p, GeoPoint a, GeoPoint b, double eastWestScale, out double longitude)
    {
        // Longitudes relative to p, wrapped to [-180, 180] so a point just across the antimeridian
        // from an edge is measured the short way. If wrapping would tear the edge apart (its ends
        // land on opposite sides of the seam as seen from p) the raw differences are used instead.
        var dLonA = Wrap(a.Longitude - p.Longitude);
        var dLonB = Wrap(b.Longitude - p.Longitude);
        if (Math.Abs(dLonA - dLonB) > 180)
        {
            dLonA = a.Longitude - p.Longitude;
            dLonB = b.Longitude - p.Longitude;
        }

        var ax = dLonA * eastWestScale;
        var ay = a.Latitude - p.Latitude;
        var bx = dLonB * eastWestScale;
        var by = b.Latitude - p.Latitude;
        var ex = bx - ax;
        var ey = by - ay;
        var lengthSquared = ex * ex + ey * ey;
        var t = lengthSquared == 0 ? 0 : Math.Clamp(-(ax * ex + ay * ey) / lengthSquared, 0, 1);

        longitude = p.Longitude + dLonA + t * (dLonB - dLonA);
        return a.Latitude + t * (b.Latitude - a.Latitude);
    }

    private static double Wrap(double degrees) =>
        degrees > 180 ? degrees - 360 : degrees < -180 ? degrees + 360 : degrees;
}
