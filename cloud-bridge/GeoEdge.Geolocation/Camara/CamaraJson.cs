using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GeoEdge.Geolocation;

/// <summary>
/// The JSON of the verify exchange and of CAMARA / OAuth error bodies, written with Utf8JsonWriter and
/// read with JsonDocument (no reflection), every field checked against the v3 schema.
/// </summary>
internal static class CamaraJson
{
    private static readonly JsonDocumentOptions Limits = new() { MaxDepth = 16 };

    public static byte[] VerifyRequest(CamaraDevice device, double latitude, double longitude, int radius, int? maxAge)
    {
        using var buffer = new MemoryStream(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("device");
            if (device.PhoneNumber is { } phone) json.WriteString("phoneNumber", phone);
            if (device.NetworkAccessIdentifier is { } nai) json.WriteString("networkAccessIdentifier", nai);
            if (device.Ipv4Address is { } v4)
            {
                json.WriteStartObject("ipv4Address");
                json.WriteString("publicAddress", v4.PublicAddress);
                if (v4.PrivateAddress is { } priv) json.WriteString("privateAddress", priv);
                if (v4.PublicPort is { } port) json.WriteNumber("publicPort", port);
                json.WriteEndObject();
            }
            if (device.Ipv6Address is { } v6) json.WriteString("ipv6Address", v6);
            json.WriteEndObject();
            json.WriteStartObject("area");
            json.WriteString("areaType", "CIRCLE");
            json.WriteStartObject("center");
            json.WriteNumber("latitude", latitude);
            json.WriteNumber("longitude", longitude);
            json.WriteEndObject();
            json.WriteNumber("radius", radius);
            json.WriteEndObject();
            if (maxAge is { } age) json.WriteNumber("maxAge", age);
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>The fields of a verify answer, before the checks that need the clock.</summary>
    public static (VerificationResult Result, int? MatchRate, DateTimeOffset? LastLocationTime) VerifyResponse(byte[] body)
    {
        using var document = Parse(body, 200, "verify answer");
        var root = document.RootElement;
        CheckNoDuplicates(root);
        if (!root.TryGetProperty("verificationResult", out var resultElement) || resultElement.ValueKind != JsonValueKind.String)
            throw Invalid("verify answer has no verificationResult string");
        var result = resultElement.GetString() switch
        {
            "TRUE" => VerificationResult.True,
            "FALSE" => VerificationResult.False,
            "PARTIAL" => VerificationResult.Partial,
            "UNKNOWN" => VerificationResult.Unknown,
            var other => throw Invalid($"verificationResult '{Shown(other)}' is not TRUE, FALSE, PARTIAL or UNKNOWN"),
        };

        int? matchRate = null;
        if (root.TryGetProperty("matchRate", out var rate) && rate.ValueKind != JsonValueKind.Null)
        {
            if (result != VerificationResult.Partial) throw Invalid($"matchRate comes only with PARTIAL, not with {resultElement.GetString()}");
            if (rate.ValueKind != JsonValueKind.Number || !rate.TryGetInt32(out var percent) || percent is < 1 or > 99)
                throw Invalid($"matchRate {Shown(rate.GetRawText())} is not a whole number 1-99");
            matchRate = percent;
        }

        DateTimeOffset? lastLocationTime = null;
        if (root.TryGetProperty("lastLocationTime", out var time) && time.ValueKind != JsonValueKind.Null)
        {
            if (time.ValueKind != JsonValueKind.String || !TryParseRfc3339(time.GetString()!, out var parsed))
                throw Invalid($"lastLocationTime {Shown(time.GetRawText())} is not an RFC 3339 date-time");
            lastLocationTime = parsed;
        }
        else if (result != VerificationResult.Unknown)
        {
            // The spec omits lastLocationTime only when there is no location history, which can only be UNKNOWN.
            throw Invalid($"{resultElement.GetString()} without lastLocationTime");
        }
        return (result, matchRate, lastLocationTime);
    }

    /// <summary>CAMARA ErrorInfo {status, code, message}; null when the body is not one.</summary>
    public static (int? Status, string Code, string Message)? ErrorInfo(byte[] body)
    {
        if (!TryParse(body, out var document)) return null;
        using (document)
        {
            var root = document.RootElement;
            if (!TryString(root, "code", out var code)) return null;
            TryString(root, "message", out var message);
            int? status = root.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt32(out var n) ? n : null;
            return (status, code, message ?? "");
        }
    }

    /// <summary>RFC 6749 §5.2 error {error, error_description}; null when the body is not one.</summary>
    public static (string Error, string? Description)? OAuthError(byte[] body)
    {
        if (!TryParse(body, out var document)) return null;
        using (document)
        {
            if (!TryString(document.RootElement, "error", out var error)) return null;
            TryString(document.RootElement, "error_description", out var description);
            return (error, description);
        }
    }

    /// <summary>RFC 6749 §5.1 token answer.</summary>
    public static (string AccessToken, int? ExpiresIn) TokenResponse(byte[] body)
    {
        using var document = Parse(body, 200, "token answer");
        var root = document.RootElement;
        CheckNoDuplicates(root);
        if (!TryString(root, "access_token", out var token) || token.Length is 0 or > 8192 || token.Any(c => c is < '!' or > '~'))
            throw Invalid("token answer has no usable access_token (1-8192 visible ASCII characters)");
        if (!TryString(root, "token_type", out var type) || !type.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
            throw Invalid("token answer's token_type is not Bearer");
        int? expiresIn = null;
        if (root.TryGetProperty("expires_in", out var expires) && expires.ValueKind != JsonValueKind.Null)
        {
            if (expires.ValueKind != JsonValueKind.Number || !expires.TryGetInt32(out var seconds) || seconds is < 1 or > 366 * 86400)
                throw Invalid($"token answer's expires_in {Shown(expires.GetRawText())} is not a whole number of seconds up to a year");
            expiresIn = seconds;
        }
        return (token, expiresIn);
    }

    /// <summary>RFC 3339: a full date, 'T', a time, and an explicit offset ('Z' or ±hh:mm); nothing looser.</summary>
    private static bool TryParseRfc3339(string text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length is < 20 or > 40 || char.ToUpperInvariant(text[10]) != 'T') return false;
        var last = text[^1];
        var zoned = last is 'Z' or 'z' || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        return zoned && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    private static JsonDocument Parse(byte[] body, int status, string what)
    {
        try
        {
            var document = JsonDocument.Parse(body, Limits);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw Invalid($"{what} is not a JSON object", status);
            }
            return document;
        }
        catch (JsonException e)
        {
            throw new CamaraException(status, CamaraException.InvalidResponse, $"{what} is not JSON: {e.Message}", e);
        }
    }

    private static bool TryParse(byte[] body, out JsonDocument document)
    {
        document = null!;
        try
        {
            document = JsonDocument.Parse(body, Limits);
        }
        catch (JsonException)
        {
            return false;
        }
        if (document.RootElement.ValueKind == JsonValueKind.Object) return true;
        document.Dispose();
        return false;
    }

    private static bool TryString(JsonElement root, string name, out string value)
    {
        value = "";
        if (!root.TryGetProperty(name, out var element) || element.ValueKind != JsonValueKind.String) return false;
        value = element.GetString()!;
        return true;
    }

    /// <summary>Two values for one field would let a proxy and this client read different answers.</summary>
    private static void CheckNoDuplicates(JsonElement root)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
            if (!seen.Add(property.Name)) throw Invalid($"field '{Shown(property.Name)}' appears twice");
    }

    private static CamaraException Invalid(string problem, int status = 200) => new(status, CamaraException.InvalidResponse, problem);

    /// <summary>Operator-supplied text in our messages: short and printable.</summary>
    internal static string Shown(string? text)
    {
        if (text is null) return "null";
        var builder = new StringBuilder(Math.Min(text.Length, 80));
        foreach (var c in text.Length > 80 ? text[..80] : text) builder.Append(char.IsControl(c) ? '?' : c);
        return text.Length > 80 ? builder.Append("...").ToString() : builder.ToString();
    }
}
