using System.Text.Json;

namespace GeoEdge.MeasuredBoot;

/// <summary>Reads a reference-value document: bounded in size and depth, JSON, an object at the top.</summary>
internal static class PolicyDocument
{
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>The parsed document (dispose it); <paramref name="what"/> names it in errors ("the policy").</summary>
    public static JsonDocument Parse(ReadOnlySpan<byte> json, string what)
    {
        if (json.Length > MaxBytes) throw new BootPolicyException("$", $"{what} is {json.Length} bytes, more than {MaxBytes}");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json.ToArray(), new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException e)
        {
            throw new BootPolicyException("$", $"not JSON: {e.Message}");
        }
        if (document.RootElement.ValueKind == JsonValueKind.Object) return document;
        document.Dispose();
        throw new BootPolicyException("$", $"{what} is not a JSON object");
    }
}
