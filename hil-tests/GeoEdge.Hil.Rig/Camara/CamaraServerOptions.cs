namespace GeoEdge.Hil.Rig.Camara;

/// <summary>
/// How a <see cref="CamaraServer"/> behaves. The defaults are those of a typical operator: a 2 km
/// minimum radius (regulatory privacy floor; the v3 schema itself only demands 1 m), a 200 km
/// maximum, and the CAMARA rule that a client-credentials token request names its scope.
/// </summary>
public sealed record CamaraServerOptions
{
    /// <summary>The scope the verify operation demands (location-verification.yaml, security).</summary>
    public const string VerifyScope = "location-verification:verify";

    public string ClientId { get; init; } = "geoedge-bridge";
    public string ClientSecret { get; init; } = "geoedge-bridge-secret";
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Smaller circles get 422 LOCATION_VERIFICATION.INVALID_AREA (an operator restriction).</summary>
    public double MinimumRadiusMeters { get; init; } = 2000;

    /// <summary>Larger circles get 422 LOCATION_VERIFICATION.INVALID_AREA (an operator restriction).</summary>
    public double MaximumRadiusMeters { get; init; } = 200_000;

    /// <summary>
    /// Where the operator can locate devices; a requested circle whose center lies outside gets
    /// 422 LOCATION_VERIFICATION.AREA_NOT_COVERED. Null: the whole Earth is covered.
    /// </summary>
    public CoverageCircle? Coverage { get; init; }

    /// <summary>
    /// The CAMARA Security and Interoperability Profile makes <c>scope</c> REQUIRED in a client
    /// credentials token request. False lets a client that omits it get the verify scope.
    /// </summary>
    public bool RequireScopeInTokenRequest { get; init; } = true;

    /// <summary>Scopes a client may ask for; anything else is <c>invalid_scope</c>.</summary>
    public IReadOnlyList<string> GrantableScopes { get; init; } = [VerifyScope, "location-retrieval:read"];

    /// <summary>Request bodies above this many bytes are refused without being parsed.</summary>
    public int MaxRequestBodyBytes { get; init; } = 16 * 1024;

    /// <summary>0 lets the kernel pick a free loopback port (no race between choosing and binding).</summary>
    public int Port { get; init; }

    /// <summary>The clock for token expiry, location ages and lastLocationTime.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        if (string.IsNullOrEmpty(ClientId) || ClientId.Contains(':'))
            throw new ArgumentException("ClientId must be non-empty and free of ':' (HTTP Basic separates id and secret with it)");
        if (string.IsNullOrEmpty(ClientSecret)) throw new ArgumentException("ClientSecret must be non-empty");
        if (TokenLifetime <= TimeSpan.Zero) throw new ArgumentException("TokenLifetime must be positive");
        if (!(MinimumRadiusMeters >= 1) || !(MaximumRadiusMeters >= MinimumRadiusMeters) || !double.IsFinite(MaximumRadiusMeters))
            throw new ArgumentException($"radius limits must satisfy 1 <= min <= max < infinity, got {MinimumRadiusMeters}..{MaximumRadiusMeters}");
        if (MaxRequestBodyBytes is < 256 or > 1024 * 1024)
            throw new ArgumentException("MaxRequestBodyBytes must be between 256 and 1 MiB");
        if (Port is < 0 or > 65535) throw new ArgumentException($"Port {Port} is not a TCP port");
        if (GrantableScopes.Count == 0) throw new ArgumentException("GrantableScopes must name at least one scope");
        Coverage?.Validate();
    }
}

/// <summary>A circle on the Earth, in WGS-84 degrees and meters.</summary>
public sealed record CoverageCircle(double Latitude, double Longitude, double RadiusMeters)
{
    internal void Validate()
    {
        if (!(Latitude is >= -90 and <= 90) || !(Longitude is >= -180 and <= 180) || !(RadiusMeters > 0) || !double.IsFinite(RadiusMeters))
            throw new ArgumentException($"coverage circle ({Latitude}, {Longitude}, {RadiusMeters} m) is not a circle on the Earth");
    }
}
