using System.Globalization;

namespace GeoEdge.Geofencing;

/// <summary>
/// A WGS-84 position in decimal degrees. Validated on construction so that no NaN or out-of-range
/// coordinate can ever reach the distance or containment code (where it would silently yield a
/// wrong answer rather than an error).
/// </summary>
public readonly record struct GeoPoint
{
    public double Latitude { get; }
    public double Longitude { get; }

    /// <exception cref="ArgumentOutOfRangeException">a coordinate is not finite or out of range.</exception>
    public GeoPoint(double latitude, double longitude)
    {
        if (!double.IsFinite(latitude) || latitude < -90 || latitude > 90)
            throw new ArgumentOutOfRangeException(nameof(latitude), latitude, "latitude must be a finite number in [-90, 90] degrees");
        if (!double.IsFinite(longitude) || longitude < -180 || longitude > 180)
            throw new ArgumentOutOfRangeException(nameof(longitude), longitude, "longitude must be a finite number in [-180, 180] degrees");
        Latitude = latitude;
        Longitude = longitude;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"({Latitude:0.0######}, {Longitude:0.0######})");
}
