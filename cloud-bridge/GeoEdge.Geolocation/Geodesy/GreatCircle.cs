namespace GeoEdge.Geolocation;

/// <summary>
/// Haversine distance on the mean-radius sphere. Its error against WGS-84 (under 0.6 %) is far below
/// the uncertainties GL compares (GNSS meters, cell ranges in kilometers, plus a margin).
/// </summary>
public static class GreatCircle
{
    private const double EarthRadiusMeters = 6371008.8;
    private const double Radians = Math.PI / 180.0;

    public static double DistanceMeters(double lat1, double lon1, double lat2, double lon2)
    {
        var sinHalfDLat = Math.Sin((lat2 - lat1) * Radians / 2);
        var sinHalfDLon = Math.Sin((lon2 - lon1) * Radians / 2);
        var h = sinHalfDLat * sinHalfDLat + Math.Cos(lat1 * Radians) * Math.Cos(lat2 * Radians) * sinHalfDLon * sinHalfDLon;
        // Rounding can push h just above 1 for antipodal points, where Asin would return NaN.
        return 2 * EarthRadiusMeters * Math.Asin(Math.Sqrt(Math.Min(1.0, h)));
    }
}
