using System.Text.Json;
using System.Text.Json.Serialization;
using GeoEdge.Wire.Messages;
using GeoEdge.Wire.Readings;

namespace GeoEdge.Wire;

/// <summary>
/// Source-generated JSON for every wire message (no reflection: the agent is NativeAOT). Unknown
/// members and missing required members are errors, so a malformed message never half-parses.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    MaxDepth = 16)]
[JsonSerializable(typeof(EnrollmentRequest))]
[JsonSerializable(typeof(CredentialChallenge))]
[JsonSerializable(typeof(ActivationResponse))]
[JsonSerializable(typeof(EnrollmentOutcome))]
[JsonSerializable(typeof(NonceEpoch))]
[JsonSerializable(typeof(AttestedReading))]
[JsonSerializable(typeof(ResultMessage))]
[JsonSerializable(typeof(ResidencyProof))]
[JsonSerializable(typeof(Reading))]
public sealed partial class WireJsonContext : JsonSerializerContext;

/// <summary>Encodes and decodes wire messages with a size limit and typed errors.</summary>
public static class WireJson
{
    /// <summary>No legitimate message comes near this; anything larger is refused unread.</summary>
    public const int MaxMessageBytes = 1 << 20;

    /// <summary>
    /// An attested reading may carry a whole IMA list (an agent's first reading after start): about
    /// 200,000 entries fit in this. Only readings get the larger limit.
    /// </summary>
    public const int MaxReadingBytes = 32 << 20;

    public static byte[] Encode<T>(T message) where T : class =>
        JsonSerializer.SerializeToUtf8Bytes(message, TypeInfo<T>());

    public static T Decode<T>(ReadOnlySpan<byte> payload) where T : class
    {
        var name = typeof(T).Name;
        if (payload.Length == 0) throw new WireFormatException($"{name}: empty payload");
        var limit = typeof(T) == typeof(AttestedReading) ? MaxReadingBytes : MaxMessageBytes;
        if (payload.Length > limit)
            throw new WireFormatException($"{name}: payload of {payload.Length} bytes exceeds the {limit}-byte limit");
        try
        {
            return JsonSerializer.Deserialize(payload, TypeInfo<T>())
                ?? throw new WireFormatException($"{name}: payload is JSON null");
        }
        catch (JsonException e)
        {
            var where = e.Path is null ? "" : $" at {e.Path}";
            throw new WireFormatException($"{name}: malformed JSON{where}: {FirstSentence(e.Message)}", e);
        }
    }

    private static System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> TypeInfo<T>() =>
        (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)(WireJsonContext.Default.GetTypeInfo(typeof(T))
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not a wire message"));

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }
}
