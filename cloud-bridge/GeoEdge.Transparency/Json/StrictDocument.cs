using System.Text.Json;

namespace GeoEdge.Transparency;

/// <summary>Bounded parsing of the log's JSON documents: size, depth and UTF-8 checked before anything is read.</summary>
internal static class StrictDocument
{
    /// <summary>A proof document is ~3 KB at most (63 path hashes and a tree head); 16 KB leaves room, not abuse.</summary>
    public const int MaxBytes = 16 * 1024;

    private const int MaxDepth = 4;

    public static JsonDocument Parse(ReadOnlySpan<byte> utf8Json, string root, int maxBytes = MaxBytes)
    {
        if (utf8Json.Length > maxBytes) throw new TransparencyFormatException(root, $"{utf8Json.Length} bytes, more than the {maxBytes} allowed");
        // JsonDocument checks UTF-8 only when a string is read; refuse it up front as a format error.
        if (!System.Text.Unicode.Utf8.IsValid(utf8Json)) throw new TransparencyFormatException(root, "not valid UTF-8");
        try
        {
            return JsonDocument.Parse(utf8Json.ToArray(), new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException e)
        {
            throw new TransparencyFormatException(root, $"not valid JSON: {e.Message}", e);
        }
    }
}
