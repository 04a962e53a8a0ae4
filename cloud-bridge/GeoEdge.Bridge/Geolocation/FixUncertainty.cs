using GeoEdge.Wire.Readings;

namespace GeoEdge.Bridge.Geolocation;

/// <summary>
/// The horizontal uncertainty radius (metres, about 95 % confidence) the geofence uses for a fix.
/// The receiver's own error estimate wins when it sends one; otherwise HDOP times a user-range error;
/// with neither, a radius large enough that only a clear case is decided.
/// </summary>
public static class FixUncertainty
{
    /// <summary>
    /// For a 2-D normal error, the circle holding 95 % of fixes has radius 2.4477 sigma when sigma is
    /// the larger axis: using the larger axis for both keeps the circle conservative.
    /// </summary>
    public const double Circle95PerSigma = 2.4477;

    /// <summary>Typical single-frequency user equivalent range error (metres, one sigma).</summary>
    public const double UereMeters = 5.0;

    /// <summary>Used when the receiver gives neither GST nor HDOP.</summary>
    public const double UnknownMeters = 500.0;

    public static double RadiusMeters(GnssFixReport fix)
    {
        var sigma = LargestSigma(fix.Error);
        if (sigma is > 0) return Circle95PerSigma * sigma.Value;
        if (fix.Hdop is > 0 and < 50) return Circle95PerSigma * fix.Hdop.Value * UereMeters;
        return UnknownMeters;
    }

    private static double? LargestSigma(GnssErrorEstimate? e)
    {
        if (e is null) return null;
        double?[] candidates = [e.SemiMajorMeters, e.SigmaLatitudeMeters, e.SigmaLongitudeMeters];
        var valid = candidates.Where(c => c is > 0 && double.IsFinite(c.Value)).Select(c => c!.Value).ToList();
        return valid.Count == 0 ? null : valid.Max();
    }
}
