using System.Text.Json;

namespace GeoEdge.Ear;

/// <summary>JSON parsing rules shared by the claims, header and JWK Set readers.</summary>
internal static class StrictJson
{
    public const int MaxDepth = 32;

    /// <summary>
    /// Parses and refuses duplicate member names anywhere in the document: with duplicates, two
    /// readers of the same signed token could each see a different claim value (RFC 7515 section 5.2
    /// lets a recipient reject them, and for signed results we do).
    /// </summary>
    /// <exception cref="JsonException">malformed JSON, too deep, or a duplicate member.</exception>
    public static JsonDocument Parse(ReadOnlyMemory<byte> utf8)
    {
        // JsonDocument validates UTF-8 only lazily, when a string is read; reading a name would then
        // throw InvalidOperationException deep inside our checks. Refuse it here, as a JSON error.
        if (!System.Text.Unicode.Utf8.IsValid(utf8.Span)) throw new JsonException("text is not valid UTF-8");
        var document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = MaxDepth });
        try
        {
            EnsureNoDuplicates(document.RootElement, "$");
            return document;
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    private static void EnsureNoDuplicates(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    if (!seen.Add(property.Name)) throw new JsonException($"member '{property.Name}' appears more than once in {path}");
                    EnsureNoDuplicates(property.Value, $"{path}.{property.Name}");
                }
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray()) EnsureNoDuplicates(item, $"{path}[{index++}]");
                break;
        }
    }

    /// <summary>Exactly one of the alternative spellings of a claim, or null; both present is an error.</summary>
    public static JsonElement? OneOf(JsonElement obj, string path, params string[] names)
    {
        JsonElement? found = null;
        string? foundName = null;
        foreach (var name in names)
        {
            if (!obj.TryGetProperty(name, out var value)) continue;
            if (found is not null) throw new EarFormatException($"{(path.Length == 0 ? "" : path + ": ")}both '{foundName}' and '{name}' are present; they name the same claim");
            found = value;
            foundName = name;
        }
        return found;
    }

    public static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
