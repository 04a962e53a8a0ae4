namespace GeoEdge.Geolocation;

/// <summary>
/// The operator's answer (CAMARA Device Location Verification) and the circle it answered about:
/// <paramref name="Result"/> is about the circle of <paramref name="RadiusMeters"/> around
/// (<paramref name="CenterLatitude"/>, <paramref name="CenterLongitude"/>), not about a point.
/// </summary>
public sealed record NetworkObservation(VerificationResult Result, int? MatchRate, double CenterLatitude, double CenterLongitude, double RadiusMeters)
{
    public static NetworkObservation From(LocationVerification answer, double centerLatitude, double centerLongitude, double radiusMeters) =>
        new(answer.Result, answer.MatchRate, centerLatitude, centerLongitude, radiusMeters);
}
