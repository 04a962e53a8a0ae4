using System.Text.Json;
using GeoEdge.Ear;

namespace GeoEdge.Transparency;

/// <summary>
/// One JSON object of a log document, read strictly: only the members named, each at most once (two readers
/// must never see different values), every value of the exact type and bounds. Errors name the member's path.
/// </summary>
internal readonly struct StrictObject
{
    private readonly JsonElement _element;
    private readonly string _path;

    public StrictObject(JsonElement element, string path, params string[] allowed)
    {
        if (element.ValueKind != JsonValueKind.Object) throw new TransparencyFormatException(path.Length == 0 ? "document" : path, $"must be a JSON object, found {element.ValueKind}");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!allowed.Contains(property.Name, StringComparer.Ordinal)) throw new TransparencyFormatException(Join(path, property.Name), "is not a member of this document");
            if (!seen.Add(property.Name)) throw new TransparencyFormatException(Join(path, property.Name), "appears more than once");
        }
        _element = element;
        _path = path;
    }

    /// <summary>The member's path for error messages: "treeHead.kid", or just "treeSize" at the document's root (path "").</summary>
    public string PathOf(string name) => Join(_path, name);

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    public bool Has(string name) => _element.TryGetProperty(name, out _);

    public JsonElement Required(string name, JsonValueKind kind)
    {
        if (!_element.TryGetProperty(name, out var value)) throw new TransparencyFormatException(PathOf(name), "required member is missing");
        if (value.ValueKind != kind) throw new TransparencyFormatException(PathOf(name), $"must be {kind}, found {value.ValueKind}");
        return value;
    }

    /// <summary>A whole number 0..2^63-1 written without fraction or exponent (sizes, indexes, timestamps).</summary>
    public long RequiredCount(string name)
    {
        var value = Required(name, JsonValueKind.Number);
        var raw = value.GetRawText();
        if (raw.Any(c => c is '.' or 'e' or 'E') || !value.TryGetInt64(out var n))
            throw new TransparencyFormatException(PathOf(name), $"{raw} is not a whole number within 64 bits");
        if (n < 0) throw new TransparencyFormatException(PathOf(name), $"{n} is negative");
        return n;
    }

    public string RequiredString(string name, int maxLength)
    {
        var text = Required(name, JsonValueKind.String).GetString()!;
        if (text.Length == 0) throw new TransparencyFormatException(PathOf(name), "must not be empty");
        if (text.Length > maxLength) throw new TransparencyFormatException(PathOf(name), $"{text.Length} characters, more than the {maxLength} allowed");
        return text;
    }

    public byte[] RequiredBase64(string name, int length) => Base64(Required(name, JsonValueKind.String), PathOf(name), length);

    public byte[] RequiredBase64Url(string name, int length)
    {
        var text = Required(name, JsonValueKind.String).GetString()!;
        if (text.Length > 2 * length || !Base64UrlStrict.TryDecode(text, out var bytes)) throw new TransparencyFormatException(PathOf(name), "not canonical unpadded base64url");
        if (bytes.Length != length) throw new TransparencyFormatException(PathOf(name), $"{bytes.Length} bytes, expected {length}");
        return bytes;
    }

    /// <summary>Canonical padded base64 (RFC 4648 section 4) of 1 to <paramref name="maxLength"/> bytes.</summary>
    public byte[] RequiredBase64UpTo(string name, int maxLength)
    {
        var bytes = Base64Bounded(Required(name, JsonValueKind.String), PathOf(name), maxLength);
        if (bytes.Length == 0) throw new TransparencyFormatException(PathOf(name), "must not be empty");
        return bytes;
    }

    /// <summary>Canonical padded base64 (RFC 4648 section 4) of exactly <paramref name="length"/> bytes.</summary>
    public static byte[] Base64(JsonElement value, string path, int length)
    {
        var bytes = Base64Bounded(value, path, length);
        if (bytes.Length != length) throw new TransparencyFormatException(path, $"{bytes.Length} bytes, expected {length}");
        return bytes;
    }

    private static byte[] Base64Bounded(JsonElement value, string path, int maxLength)
    {
        if (value.ValueKind != JsonValueKind.String) throw new TransparencyFormatException(path, $"must be a base64 string, found {value.ValueKind}");
        var text = value.GetString()!;
        var buffer = new byte[maxLength + 3];
        // TryFromBase64String skips whitespace; the round trip below refuses it, and any second spelling of the bytes.
        if (text.Length > 2 * maxLength || !Convert.TryFromBase64String(text, buffer, out var written) || Convert.ToBase64String(buffer, 0, written) != text)
            throw new TransparencyFormatException(path, "not canonical padded base64");
        if (written > maxLength) throw new TransparencyFormatException(path, $"{written} bytes, more than the {maxLength} allowed");
        return buffer[..written];
    }
}
