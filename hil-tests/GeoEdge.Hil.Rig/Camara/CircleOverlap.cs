namespace GeoEdge.Hil.Rig.Camara;

/// <summary>The three answers a located device can give (v3 dropped UNKNOWN for a 422 error).</summary>
public enum VerificationResult { True, False, Partial }

/// <summary>
/// The geometry behind a verdict. N is the network's estimate of the device (a circle around the
/// scripted position with the scripted accuracy as radius), R is the requested circle, d the
/// great-circle (haversine, spherical Earth of mean radius 6 371 008.8 m) distance between their
/// centers. Both circles are then treated as flat discs d apart, which is exact to well under a
/// meter for the 1-200 km radii this API deals in.
/// <list type="bullet">
/// <item>TRUE when N lies inside R: d + rN &lt;= rR.</item>
/// <item>FALSE when they do not overlap: d &gt;= rR + rN.</item>
/// <item>PARTIAL otherwise, also when R lies inside a larger N (the spec says so). matchRate is the
/// spec's (R ∩ N) / N * 100, the lens area over N's area, rounded and kept within 1..99.</item>
/// </list>
/// </summary>
public static class CircleOverlap
{
    public const double EarthRadiusMeters = 6_371_008.8;

    public static double DistanceMeters(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        var phi1 = DegreesToRadians(latitude1);
        var phi2 = DegreesToRadians(latitude2);
        var dPhi = phi2 - phi1;
        var dLambda = DegreesToRadians(longitude2 - longitude1);
        var h = Math.Sin(dPhi / 2) * Math.Sin(dPhi / 2)
              + Math.Cos(phi1) * Math.Cos(phi2) * Math.Sin(dLambda / 2) * Math.Sin(dLambda / 2);
        return 2 * EarthRadiusMeters * Math.Asin(Math.Sqrt(Math.Clamp(h, 0, 1)));
    }

    /// <summary>The verdict and, for PARTIAL only, the match rate in percent.</summary>
    public static (VerificationResult Result, int? MatchRate) Classify(double distance, double requestedRadius, double deviceRadius)
    {
        if (distance + deviceRadius <= requestedRadius) return (VerificationResult.True, null);
        if (distance >= requestedRadius + deviceRadius) return (VerificationResult.False, null);
        var fraction = IntersectionArea(distance, requestedRadius, deviceRadius) / (Math.PI * deviceRadius * deviceRadius);
        var percent = (int)Math.Round(fraction * 100, MidpointRounding.AwayFromZero);
        return (VerificationResult.Partial, Math.Clamp(percent, 1, 99));
    }

    /// <summary>Area shared by two discs of radii r1, r2 whose centers are d apart.</summary>
    public static double IntersectionArea(double d, double r1, double r2)
    {
        if (d >= r1 + r2) return 0;
        var small = Math.Min(r1, r2);
        if (d <= Math.Abs(r1 - r2)) return Math.PI * small * small;
        var a1 = Math.Acos(Math.Clamp((d * d + r1 * r1 - r2 * r2) / (2 * d * r1), -1, 1));
        var a2 = Math.Acos(Math.Clamp((d * d + r2 * r2 - r1 * r1) / (2 * d * r2), -1, 1));
        var kite = 0.5 * Math.Sqrt(Math.Max(0, (-d + r1 + r2) * (d + r1 - r2) * (d - r1 + r2) * (d + r1 + r2)));
        return r1 * r1 * a1 + r2 * r2 * a2 - kite;
    }

    private static double DegreesToRadians(double degrees) => degrees * Math.PI / 180;
}
