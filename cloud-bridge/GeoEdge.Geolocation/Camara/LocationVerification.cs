namespace GeoEdge.Geolocation;

/// <summary>
/// A validated CAMARA verification answer: <paramref name="MatchRate"/> (1-99) only with PARTIAL;
/// <paramref name="LastLocationTime"/> absent only with UNKNOWN (no location history for the device).
/// </summary>
public sealed record LocationVerification(VerificationResult Result, int? MatchRate, DateTimeOffset? LastLocationTime);
