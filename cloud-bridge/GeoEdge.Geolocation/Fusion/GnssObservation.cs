namespace GeoEdge.Geolocation;

/// <summary>
/// The host's GNSS fix: position, horizontal uncertainty (meters, the receiver's estimate), whether
/// Galileo OSNMA authenticated the navigation data the fix was computed from, and when it was taken.
/// </summary>
public sealed record GnssObservation(double Latitude, double Longitude, double UncertaintyMeters, bool Authenticated, DateTimeOffset Time);
