using GeoEdge.Bridge.Options;
using GeoEdge.Geolocation;

namespace GeoEdge.Bridge.Geolocation;

/// <summary>
/// Turns the Bridge:Geolocation:Camara settings into the client's options, refusing an incomplete or
/// unreadable configuration at start-up (a half-configured network source must not silently stay off).
/// </summary>
public static class NetworkLocationSetup
{
    /// <summary>Null when no BaseUrl is configured: the bridge then works without the network source.</summary>
    /// <exception cref="InvalidOperationException">a setting is missing or invalid; the message names it.</exception>
    public static CamaraOptions? ClientOptions(NetworkLocationOptions o)
    {
        if (string.IsNullOrWhiteSpace(o.BaseUrl)) return null;
        var secret = o.ClientSecret;
        if (o.ClientSecretFile is { Length: > 0 } file)
        {
            try
            {
                secret = File.ReadLines(file).FirstOrDefault()?.Trim();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InvalidOperationException($"Bridge:Geolocation:Camara:ClientSecretFile '{file}' cannot be read: {e.Message}", e);
            }
        }
        if (string.IsNullOrEmpty(o.ClientId)) throw Missing("ClientId");
        if (string.IsNullOrEmpty(secret)) throw Missing("ClientSecret or ClientSecretFile");
        if (o.MaxAgeSeconds < 0) throw Invalid("MaxAgeSeconds", o.MaxAgeSeconds, "must be 0 or more");
        if (o.MinRadiusMeters is < CamaraLocationVerificationClient.MinRadiusMeters or > CamaraLocationVerificationClient.MaxRadiusMeters)
            throw Invalid("MinRadiusMeters", o.MinRadiusMeters, $"CAMARA takes {CamaraLocationVerificationClient.MinRadiusMeters}-{CamaraLocationVerificationClient.MaxRadiusMeters} m");
        if (o.ReuseAnswerSeconds < 0) throw Invalid("ReuseAnswerSeconds", o.ReuseAnswerSeconds, "must be 0 or more");
        return new CamaraOptions
        {
            BaseUrl = Url(o.BaseUrl, "BaseUrl"),
            TokenUrl = Url(o.TokenUrl ?? throw Missing("TokenUrl"), "TokenUrl"),
            ClientId = o.ClientId,
            ClientSecret = secret,
            Scope = string.IsNullOrWhiteSpace(o.Scope) ? null : o.Scope,
            RequestTimeout = TimeSpan.FromSeconds(o.RequestTimeoutSeconds),
        };
    }

    private static Uri Url(string text, string name) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) ? url : throw Invalid(name, text, "must be an absolute http(s) URL");

    private static InvalidOperationException Missing(string name) =>
        new($"Bridge:Geolocation:Camara:BaseUrl is set, so Bridge:Geolocation:Camara:{name} is needed too");

    private static InvalidOperationException Invalid(string name, object value, string why) =>
        new($"Bridge:Geolocation:Camara:{name} '{value}' {why}");
}
