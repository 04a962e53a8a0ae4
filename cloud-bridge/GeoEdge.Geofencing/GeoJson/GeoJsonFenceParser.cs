using System.Text;
using System.Text.Json;

namespace GeoEdge.Geofencing.GeoJson;

/// <summary>
/// Reads a polygon fence from GeoJSON (RFC 7946): a Polygon or MultiPolygon geometry, or a Feature
/// or FeatureCollection wrapping them (the union of all their polygons is the fence). Policies come
/// from operators and tenants, so the document is treated as hostile: size, depth and position count
/// are bounded, and every problem is reported as a <see cref="GeofencePolicyException"/> naming the
/// JSON path of the offending value. Uses <see cref="JsonDocument"/> only (no reflection).
///
/// Polygons crossing the antimeridian are rejected for now: an edge spanning more than 180 degrees
/// of longitude is refused, and RFC 7946 section 3.1.9 asks producers to cut such shapes at the
/// antimeridian anyway (the resulting pieces, with edges on +/-180, are accepted).
/// </summary>
public static class GeoJsonFenceParser
{
    public const int MaxDocumentBytes = 1024 * 1024;
    public const int MaxPositions = 100_000;
    /// <summary>A MultiPolygon inside a FeatureCollection nests 8 deep; anything far beyond is not a fence.</summary>
    public const int MaxDepth = 16;

    public static PolygonFence Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        // Checked before encoding so an enormous string is not first copied into a byte array.
        if (json.Length > MaxDocumentBytes) throw TooLarge(json.Length);
        return Parse(Encoding.UTF8.GetBytes(json));
    }

    public static PolygonFence Parse(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.Length > MaxDocumentBytes) throw TooLarge(utf8Json.Length);
        // JsonDocument checks UTF-8 only when a string is read, and then throws InvalidOperationException.
        if (!System.Text.Unicode.Utf8.IsValid(utf8Json)) throw new GeofencePolicyException("", "document is not valid UTF-8");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json.ToArray(), new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException e)
        {
            throw new GeofencePolicyException("", $"not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message}", e);
        }
        using (document)
        {
            var polygons = new List<GeoPolygon>();
            new GeoJsonGeometryReader(polygons).ReadDocument(document.RootElement);
            return new PolygonFence(polygons);
        }
    }

    private static GeofencePolicyException TooLarge(int size) =>
        new("", $"document is {size} bytes, more than the {MaxDocumentBytes} allowed for a fence");
}
