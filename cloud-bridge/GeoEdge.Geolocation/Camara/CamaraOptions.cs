namespace GeoEdge.Geolocation;

/// <summary>
/// Where and how to reach an operator's CAMARA Device Location Verification v3 API.
/// <see cref="BaseUrl"/> is the API root: the client calls <c>{BaseUrl}/location-verification/v3/verify</c>.
/// Credentials are OAuth 2.0 client credentials (RFC 6749 §4.4) at <see cref="TokenUrl"/>.
/// </summary>
public sealed record CamaraOptions
{
    public required Uri BaseUrl { get; init; }
    public required Uri TokenUrl { get; init; }
    public required string ClientId { get; init; }
    public required string ClientSecret { get; init; }

    /// <summary>Scope to ask for; CAMARA names it <c>location-verification:verify</c>. Null: none sent.</summary>
    public string? Scope { get; init; }

    /// <summary>Bound on each HTTP exchange (token or verify), from sending to the last byte of the answer.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A verification answer is ~100 bytes; anything beyond this is refused unread.</summary>
    public int MaxResponseBytes { get; init; } = 64 * 1024;

    /// <summary>A cached token is replaced this long before it expires (at most half its lifetime).</summary>
    public TimeSpan TokenRefreshMargin { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Tolerated difference between the operator's clock and ours when checking lastLocationTime.</summary>
    public TimeSpan MaxClockSkew { get; init; } = TimeSpan.FromMinutes(2);

    internal Uri VerifyUrl => new(BaseUrl.AbsoluteUri.TrimEnd('/') + "/location-verification/v3/verify");

    internal void Validate()
    {
        HttpUrl(BaseUrl, nameof(BaseUrl));
        HttpUrl(TokenUrl, nameof(TokenUrl));
        ArgumentException.ThrowIfNullOrEmpty(ClientId, nameof(ClientId));
        ArgumentException.ThrowIfNullOrEmpty(ClientSecret, nameof(ClientSecret));
        if (RequestTimeout <= TimeSpan.Zero || RequestTimeout > TimeSpan.FromMinutes(5))
            throw new ArgumentOutOfRangeException(nameof(RequestTimeout), RequestTimeout, "must be above 0 and at most 5 minutes");
        if (MaxResponseBytes is < 1024 or > 16 * 1024 * 1024)
            throw new ArgumentOutOfRangeException(nameof(MaxResponseBytes), MaxResponseBytes, "must be 1 KiB to 16 MiB");
        if (TokenRefreshMargin < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(TokenRefreshMargin), TokenRefreshMargin, "must not be negative");
        if (MaxClockSkew < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(MaxClockSkew), MaxClockSkew, "must not be negative");
    }

    private static void HttpUrl(Uri? url, string name)
    {
        if (url is not { IsAbsoluteUri: true } || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            throw new ArgumentException("must be an absolute http(s) URL", name);
    }
}
