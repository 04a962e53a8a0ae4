namespace GeoEdge.Geolocation;

/// <summary>
/// Where a host declared stationary (a server in a rack, a fixed appliance) was installed, and how far its
/// position may stray from there before that is a contradiction. A stationary host is not merely allowed to
/// move slowly: it is not supposed to move at all, so any travel beyond the tolerance counts.
/// </summary>
public sealed record StationaryAnchor(double Latitude, double Longitude, double ToleranceMeters);
