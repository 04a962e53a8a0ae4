namespace GeoEdge.Geofencing.Geodesy;

/// <summary>
/// Great-circle distance on a sphere of the IUGG mean Earth radius. Against the WGS-84 ellipsoid
/// this is off by at most about 0.56 % (short north-south distances at the equator, where the
/// meridional radius of curvature is 6335 km); <see cref="GeofenceEvaluator"/> adds that much margin
/// before it calls anything Inside or Outside.
/// </summary>
public static class Haversine
{
    /// <summary>Mean Earth radius R1 = (2a + b) / 3 of WGS-84, in meters.</summary>
    public const double EarthRadiusMeters = 6371008.8;

    private const double DegreesToRadians = Math.PI / 180.0;

    public static double DistanceMeters(GeoPoint a, GeoPoint b) =>
        DistanceMeters(a.Latitude, a.Longitude, b.Latitude, b.Longitude);

    public static double DistanceMeters(double lat1, double lon1, double lat2, double lon2)
    {
        var phi1 = lat1 * DegreesToRadians;
        var phi2 = lat2 * DegreesToRadians;
        var dPhi = (lat2 - lat1) * DegreesToRadians;
        var dLambda = (lon2 - lon1) * DegreesToRadians;
        var sinDPhi = Math.Sin(dPhi / 2);
        var sinDLambda = Math.Sin(dLambda / 2);
        var h = sinDPhi * sinDPhi + Math.Cos(phi1) * Math.Cos(phi2) * sinDLambda * sinDLambda;
        // Rounding can push h a hair above 1 for antipodal points; Asin would then return NaN.
        return 2 * EarthRadiusMeters * Math.Asin(Math.Sqrt(Math.Min(1.0, h)));
    }
}
