using System.Text.Json;

namespace GeoEdge.Ear;

/// <summary>
/// Reads an EAR claims-set with <see cref="JsonDocument"/>. Accepts the draft-03 claim names and the
/// dotted names of earlier drafts (ear.status, ear.trustworthiness-vector, ear.verifier-id,
/// ear.appraisal-policy-id). Every problem becomes an <see cref="EarFormatException"/>.
///
/// On times: EAT forbids floating-point NumericDates. A floating-point "exp" is refused as draft-03
/// section 3 demands; a floating-point "iat" or "nbf" is accepted only when its value is a whole
/// number, because the Veraison Go library (the reference implementation) writes iat as e.g.
/// 1.666529184e+09 and its tokens would otherwise be unreadable.
/// </summary>
public static class EarClaimsReader
{
    public const int MaxClaimsBytes = 64 * 1024;
    /// <summary>9999-12-31T23:59:59Z, the last second <see cref="DateTimeOffset"/> can hold.</summary>
    private const long MaxUnixSeconds = 253_402_300_799;

    public static Ear Read(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.Length > MaxClaimsBytes)
            throw new EarFormatException($"claims-set is {utf8Json.Length} bytes, more than the {MaxClaimsBytes} allowed");
        JsonDocument document;
        try
        {
            document = StrictJson.Parse(utf8Json.ToArray());
        }
        catch (JsonException e)
        {
            throw new EarFormatException($"claims-set is not valid JSON: {e.Message}", inner: e);
        }
        using (document)
        {
            return ReadRoot(document.RootElement);
        }
    }

    private static Ear ReadRoot(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new EarFormatException($"claims-set must be a JSON object, found {root.ValueKind}");

        var profile = RequiredString(root, EarClaimNames.Profile, EarClaimNames.Profile);
        if (!EarProfiles.IsKnown(profile)) throw new EarFormatException($"eat_profile '{profile}' is not an EAR profile this verifier knows");
        var issuedAt = RequiredTime(root, EarClaimNames.IssuedAt, allowFloatFormat: true);
        var expiresAt = OptionalTime(root, EarClaimNames.ExpiresAt, allowFloatFormat: false);
        var notBefore = OptionalTime(root, EarClaimNames.NotBefore, allowFloatFormat: true);
        var nonce = ReadNonce(root);
        var verifierId = ReadVerifierId(root);
        var declaredStatus = StrictJson.OneOf(root, "", EarClaimNames.Status, EarClaimNames.LegacyStatus) is { } s ? ReadStatus(s, EarClaimNames.Status) : (EarStatus?)null;
        var submodules = ReadSubmodules(root);

        var extras = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
            if (!EarClaimNames.ReservedTopLevel.Contains(property.Name)) extras[property.Name] = property.Value;

        Ear ear;
        try
        {
            ear = new Ear(verifierId, submodules, issuedAt, profile) { ExpiresAt = expiresAt, NotBefore = notBefore, Nonce = nonce, ExtraClaims = extras };
        }
        catch (ArgumentException e)
        {
            throw new EarFormatException(e.Message, inner: e);
        }
        // Draft-03 section 3: the top-level status may be no more trusting than the worst submodule.
        if (declaredStatus is { } declared && declared.Severity() < ear.OverallStatus.Severity())
            throw new EarFormatException($"top-level ear_status '{declared.ToClaimValue()}' is more trusting than the worst submodule status '{ear.OverallStatus.ToClaimValue()}'");
        return ear;
    }

    private static VerifierId ReadVerifierId(JsonElement root)
    {
        var element = StrictJson.OneOf(root, "", EarClaimNames.VerifierId, EarClaimNames.LegacyVerifierId)
            ?? throw EarFormatException.Missing(EarClaimNames.VerifierId);
        if (element.ValueKind != JsonValueKind.Object) throw new EarFormatException("ear_verifier_id must be an object");
        var developer = RequiredString(element, EarClaimNames.Developer, "ear_verifier_id.developer");
        var build = RequiredString(element, EarClaimNames.Build, "ear_verifier_id.build");
        try
        {
            return new VerifierId(developer, build);
        }
        catch (ArgumentException e)
        {
            throw new EarFormatException($"ear_verifier_id: {e.Message}", inner: e);
        }
    }

    private static Dictionary<string, EarSubmodule> ReadSubmodules(JsonElement root)
    {
        if (!root.TryGetProperty(EarClaimNames.Submods, out var submods)) throw EarFormatException.Missing(EarClaimNames.Submods);
        if (submods.ValueKind != JsonValueKind.Object) throw new EarFormatException("submods must be an object");
        var result = new Dictionary<string, EarSubmodule>(StringComparer.Ordinal);
        foreach (var property in submods.EnumerateObject())
            result[property.Name] = ReadSubmodule(property.Value, $"submods.{property.Name}");
        if (result.Count == 0) throw new EarFormatException("submods must hold at least one appraisal");
        return result;
    }

    private static EarSubmodule ReadSubmodule(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object) throw new EarFormatException($"{path} must be an object");
        var status = ReadStatus(StrictJson.OneOf(element, path, EarClaimNames.Status, EarClaimNames.LegacyStatus)
            ?? throw EarFormatException.Missing(StrictJson.Join(path, EarClaimNames.Status)), StrictJson.Join(path, EarClaimNames.Status));
        var vector = StrictJson.OneOf(element, path, EarClaimNames.TrustVector, EarClaimNames.LegacyTrustVector) is { } v
            ? ReadTrustVector(v, StrictJson.Join(path, EarClaimNames.TrustVector))
            : null;
        var policyIds = ReadPolicyIds(element, path);

        var extensions = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
            if (!EarClaimNames.ReservedInSubmodule.Contains(property.Name)) extensions[property.Name] = property.Value;
        try
        {
            return new EarSubmodule(status, vector, policyIds, extensions);
        }
        catch (ArgumentException e)
        {
            throw new EarFormatException($"{path}: {e.Message}", inner: e);
        }
    }

    private static string[] ReadPolicyIds(JsonElement submodule, string path)
    {
        var element = StrictJson.OneOf(submodule, path, EarClaimNames.AppraisalPolicyIds, EarClaimNames.SingularAppraisalPolicyId, EarClaimNames.LegacyAppraisalPolicyId);
        if (element is not { } value) return [];
        var claimPath = StrictJson.Join(path, EarClaimNames.AppraisalPolicyIds);
        if (value.ValueKind == JsonValueKind.String) return [value.GetString()!]; // the older single-id forms
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
            throw new EarFormatException($"{claimPath} must be a non-empty array of strings");
        return value.EnumerateArray().Select(id => id.ValueKind == JsonValueKind.String
            ? id.GetString()!
            : throw new EarFormatException($"{claimPath} must contain only strings")).ToArray();
    }

    private static TrustVector ReadTrustVector(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object) throw new EarFormatException($"{path} must be an object");
        var vector = TrustVector.Empty;
        foreach (var property in element.EnumerateObject())
        {
            // An unknown category could carry a contraindication we would silently drop: refuse it.
            if (!TrustCategoryNames.TryParse(property.Name, out var category))
                throw new EarFormatException($"{path}: '{property.Name}' is not an AR4SI trustworthiness category");
            if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetInt32(out var value)
                || value is < TrustVector.MinClaimValue or > TrustVector.MaxClaimValue)
                throw new EarFormatException($"{path}.{property.Name} must be an integer from -128 to 127, found {property.Value.GetRawText()}");
            vector = vector.With(category, value);
        }
        return vector;
    }

    private static EarStatus ReadStatus(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.String && EarStatusExtensions.TryParseClaimValue(element.GetString()!, out var named)) return named;
        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var code) && EarStatusExtensions.TryFromCodePoint(code, out var coded)) return coded;
        throw new EarFormatException($"{path} must be one of none, affirming, warning, contraindicated (or 0, 2, 32, 96), found {element.GetRawText()}");
    }

    private static string? ReadNonce(JsonElement root)
    {
        if (!root.TryGetProperty(EarClaimNames.Nonce, out var nonce)) return null;
        if (nonce.ValueKind != JsonValueKind.String)
            throw new EarFormatException("eat_nonce must be a single base64 string (nonce arrays are not supported)");
        return nonce.GetString();
    }

    private static string RequiredString(JsonElement obj, string name, string path)
    {
        if (!obj.TryGetProperty(name, out var value)) throw EarFormatException.Missing(path);
        if (value.ValueKind != JsonValueKind.String) throw new EarFormatException($"{path} must be a string, found {value.ValueKind}");
        return value.GetString()!;
    }

    private static DateTimeOffset RequiredTime(JsonElement obj, string name, bool allowFloatFormat) =>
        OptionalTime(obj, name, allowFloatFormat) ?? throw EarFormatException.Missing(name);

    private static DateTimeOffset? OptionalTime(JsonElement obj, string name, bool allowFloatFormat)
    {
        if (!obj.TryGetProperty(name, out var value)) return null;
        if (value.ValueKind != JsonValueKind.Number) throw new EarFormatException($"{name} must be a number of seconds since 1970, found {value.ValueKind}");
        long seconds;
        if (value.TryGetInt64(out var integer))
        {
            seconds = integer;
        }
        else if (!allowFloatFormat)
        {
            throw new EarFormatException($"{name} is in floating-point format ({value.GetRawText()}), which an EAR must not use");
        }
        else if (value.TryGetDouble(out var real) && double.IsFinite(real) && real == Math.Floor(real) && Math.Abs(real) <= MaxUnixSeconds)
        {
            seconds = (long)real;
        }
        else
        {
            throw new EarFormatException($"{name} ({value.GetRawText()}) is not a whole number of seconds");
        }
        if (seconds is < 0 or > MaxUnixSeconds) throw new EarFormatException($"{name} ({seconds}) is outside 1970..9999");
        return DateTimeOffset.FromUnixTimeSeconds(seconds);
    }
}
