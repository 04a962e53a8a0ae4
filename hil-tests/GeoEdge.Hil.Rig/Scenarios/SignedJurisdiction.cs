using System.Text.Json;
using System.Buffers.Text;

namespace GeoEdge.Hil.Rig.Scenarios;

/// <summary>
/// The country and subdivision a result's EAR states (the location submodule's geographic result claims), for
/// the demo's verdict lines and phases. The demo watches its own rig's results, so it reads the payload without
/// verifying it; relying parties use `geoedge verify`.
/// </summary>
public static class SignedJurisdiction
{
    public static (string? Country, string? Subdivision) Of(string ear)
    {
        var parts = ear.Split('.');
        if (parts.Length != 3) return (null, null);
        try
        {
            var payload = Base64Url.DecodeFromChars(parts[1]);
            using var claims = JsonDocument.Parse(payload);
            if (!claims.RootElement.TryGetProperty("submods", out var submods)
                || !submods.TryGetProperty("location", out var location)
                || !location.TryGetProperty("ear.geographic-result-claims", out var grc)
                || grc.ValueKind != JsonValueKind.Object)
                return (null, null);
            return (Text(grc, "grc.jurisdiction-country"), Text(grc, "grc.jurisdiction-state"));
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return (null, null);
        }
    }

    private static string? Text(JsonElement claims, string name) =>
        claims.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
