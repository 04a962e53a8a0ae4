namespace GeoEdge.Geolocation;

/// <summary>The host's last accepted composite location, for the plausibility-over-time check.</summary>
public sealed record PreviousLocation(double Latitude, double Longitude, double RadiusMeters, DateTimeOffset Time);
