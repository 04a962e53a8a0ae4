namespace GeoEdge.Geolocation;

/// <summary>CAMARA Device Location Verification "verificationResult".</summary>
public enum VerificationResult
{
    /// <summary>The network's estimate of the device's location lies within the requested area.</summary>
    True,
    /// <summary>The network's estimate does not overlap the requested area at all.</summary>
    False,
    /// <summary>The estimate partially overlaps the area, or contains it; a match rate (1-99 %) may come with it.</summary>
    Partial,
    /// <summary>The network cannot locate the device (or not recently enough for the requested maxAge).</summary>
    Unknown,
}
