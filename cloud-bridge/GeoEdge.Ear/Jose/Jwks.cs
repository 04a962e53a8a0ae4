using System.Buffers;
using System.Text;
using System.Text.Json;

namespace GeoEdge.Ear;

/// <summary>
/// The set of public keys a relying party trusts for EAR signatures (RFC 7517 JWK Set). Only EC
/// P-256 signing keys are accepted: anything else in a set we are told to trust is a configuration
/// error worth stopping for, not something to skip. Immutable and thread-safe.
/// </summary>
public sealed class Jwks
{
    public const int MaxKeys = 64;
    public const int MaxJsonBytes = 64 * 1024;

    private readonly Dictionary<string, EcPublicJwk> _byKid;

    public IReadOnlyList<EcPublicJwk> Keys { get; }

    /// <exception cref="JwksException">no keys, too many, or two keys with the same kid.</exception>
    public Jwks(IEnumerable<EcPublicJwk> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        Keys = keys.ToArray();
        if (Keys.Count == 0) throw new JwksException("keys: a JWK Set needs at least one key");
        if (Keys.Count > MaxKeys) throw new JwksException($"keys: {Keys.Count} keys, more than the {MaxKeys} allowed");
        _byKid = new Dictionary<string, EcPublicJwk>(StringComparer.Ordinal);
        for (var i = 0; i < Keys.Count; i++)
            if (!_byKid.TryAdd(Keys[i].Kid, Keys[i]))
                throw new JwksException($"keys[{i}].kid: '{Keys[i].Kid}' is used by another key in the set");
    }

    public EcPublicJwk? Find(string kid) => _byKid.GetValueOrDefault(kid);

    /// <summary>{"keys":[{"kty":"EC","crv":"P-256","x":..,"y":..,"kid":..,"use":"sig","alg":"ES256"}, ...]}</summary>
    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("keys");
            foreach (var key in Keys)
            {
                writer.WriteStartObject();
                writer.WriteString("kty", "EC");
                writer.WriteString("crv", EcPublicJwk.Curve);
                writer.WriteString("x", key.X);
                writer.WriteString("y", key.Y);
                writer.WriteString("kid", key.Kid);
                writer.WriteString("use", "sig");
                writer.WriteString("alg", "ES256");
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static Jwks Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxJsonBytes) throw new JwksException($"JWK Set is {json.Length} characters, more than the {MaxJsonBytes} allowed");
        return Parse(Encoding.UTF8.GetBytes(json));
    }

    /// <exception cref="JwksException">the document is not a JWK Set of valid EC P-256 public keys.</exception>
    public static Jwks Parse(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.Length > MaxJsonBytes) throw new JwksException($"JWK Set is {utf8Json.Length} bytes, more than the {MaxJsonBytes} allowed");
        JsonDocument document;
        try
        {
            document = StrictJson.Parse(utf8Json.ToArray());
        }
        catch (JsonException e)
        {
            throw new JwksException($"JWK Set is not valid JSON: {e.Message}", e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new JwksException($"JWK Set must be a JSON object, found {root.ValueKind}");
            if (!root.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
                throw new JwksException("keys: a JWK Set needs a \"keys\" array");
            if (keys.GetArrayLength() > MaxKeys) throw new JwksException($"keys: {keys.GetArrayLength()} keys, more than the {MaxKeys} allowed");
            var parsed = new List<EcPublicJwk>();
            var index = 0;
            foreach (var key in keys.EnumerateArray()) parsed.Add(ReadKey(key, $"keys[{index++}]"));
            return new Jwks(parsed);
        }
    }

    private static EcPublicJwk ReadKey(JsonElement key, string path)
    {
        if (key.ValueKind != JsonValueKind.Object) throw new JwksException($"{path}: a JWK must be an object");
        var kty = RequiredString(key, "kty", path);
        if (kty != "EC") throw new JwksException($"{path}.kty: key type '{kty}' is not supported; EAR keys are EC P-256");
        var crv = RequiredString(key, "crv", path);
        if (crv != EcPublicJwk.Curve) throw new JwksException($"{path}.crv: curve '{crv}' is not supported; EAR keys are P-256 (ES256)");
        if (key.TryGetProperty("d", out _)) throw new JwksException($"{path}.d: private key material does not belong in a set of trusted public keys");
        if (OptionalString(key, "use", path) is { } use && use != "sig") throw new JwksException($"{path}.use: '{use}' key cannot verify signatures");
        if (OptionalString(key, "alg", path) is { } alg && alg != "ES256") throw new JwksException($"{path}.alg: '{alg}' key cannot verify ES256 signatures");
        var kid = OptionalString(key, "kid", path);
        if (kid is { Length: 0 }) throw new JwksException($"{path}.kid: must not be empty");
        var x = Coordinate(key, "x", path);
        var y = Coordinate(key, "y", path);
        try
        {
            return new EcPublicJwk(x, y, kid);
        }
        catch (ArgumentException e)
        {
            throw new JwksException($"{path}: {e.Message}", e);
        }
    }

    private static byte[] Coordinate(JsonElement key, string name, string path)
    {
        var text = RequiredString(key, name, path);
        if (!Base64UrlStrict.TryDecode(text, out var bytes)) throw new JwksException($"{path}.{name}: not canonical unpadded base64url");
        if (bytes.Length != EcPublicJwk.CoordinateBytes) throw new JwksException($"{path}.{name}: {bytes.Length} bytes, a P-256 coordinate is {EcPublicJwk.CoordinateBytes}");
        return bytes;
    }

    private static string RequiredString(JsonElement obj, string name, string path) =>
        OptionalString(obj, name, path) ?? throw new JwksException($"{path}.{name}: required member is missing");

    private static string? OptionalString(JsonElement obj, string name, string path)
    {
        if (!obj.TryGetProperty(name, out var value)) return null;
        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw new JwksException($"{path}.{name}: must be a string, found {value.ValueKind}");
    }
}
