using System.Text.Json;
using GeoEdge.Geofencing;

namespace GeoEdge.Bridge.Geofencing;

/// <summary>
/// A jurisdiction policy's region: exactly one of "country" (ISO 3166-1 alpha-2, "ES") or "subdivision"
/// (ISO 3166-2, "IN-UP"), which the atlas must know; its fence is the region's boundary.
/// </summary>
internal static class JurisdictionDocument
{
    public static (string Code, GeoFence Fence) Parse(string policyId, JsonElement root, JurisdictionData jurisdictions)
    {
        var hasCountry = root.TryGetProperty("country", out var country);
        var hasSubdivision = root.TryGetProperty("subdivision", out var subdivision);
        if (hasCountry == hasSubdivision)
            throw new GeofencePolicyException(hasCountry ? "subdivision" : "country",
                $"policy '{policyId}': a jurisdiction policy names exactly one of 'country' and 'subdivision'");
        var member = hasCountry ? "country" : "subdivision";
        var value = hasCountry ? country : subdivision;
        var code = value.ValueKind == JsonValueKind.String ? value.GetString()! : null;
        var wellFormed = code is not null && (hasCountry ? IsCountryCode(code) : IsSubdivisionCode(code));
        if (!wellFormed)
            throw new GeofencePolicyException(member, hasCountry
                ? $"policy '{policyId}': must be an ISO 3166-1 alpha-2 code in capitals (\"ES\")"
                : $"policy '{policyId}': must be an ISO 3166-2 code (\"ES-MD\", \"IN-UP\")");
        // Only a well-formed jurisdiction policy loads the atlas: a malformed one is refused without the wait.
        if (!jurisdictions.TryGet($"policy '{policyId}'", out var atlas, out var problem))
            throw new GeofencePolicyException(member, $"policy '{policyId}': {problem}");
        var fence = atlas.Region(code!)
            ?? throw new GeofencePolicyException(member, $"policy '{policyId}': '{code}' is not a {(hasCountry ? "country" : "subdivision")} the jurisdiction atlas knows");
        return (code!, fence);
    }

    public static bool IsCountryCode(string code) => code.Length == 2 && char.IsAsciiLetterUpper(code[0]) && char.IsAsciiLetterUpper(code[1]);

    public static bool IsSubdivisionCode(string code) =>
        code.Length is >= 4 and <= 6 && IsCountryCode(code[..2]) && code[2] == '-'
        && code[3..].All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));
}
