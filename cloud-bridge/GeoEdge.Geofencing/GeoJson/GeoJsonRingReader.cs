using System.Globalization;
using System.Text.Json;

namespace GeoEdge.Geofencing.GeoJson;

/// <summary>Reads and validates one linear ring; counts positions across the whole document.</summary>
internal sealed class GeoJsonRingReader
{
    private int _positions;

    public IReadOnlyList<GeoPoint> Read(JsonElement ring, string path)
    {
        JsonPaths.Expect(ring, path, JsonValueKind.Array);
        var count = ring.GetArrayLength();
        // RFC 7946 3.1.6: a linear ring is closed and has four or more positions.
        if (count < 4)
            throw new GeofencePolicyException(path, $"a linear ring needs at least 4 positions, found {count}");

        var points = new List<GeoPoint>(count);
        var i = 0;
        foreach (var position in ring.EnumerateArray())
            points.Add(ReadPosition(position, JsonPaths.Index(path, i++)));

        if (points[0] != points[^1])
            throw new GeofencePolicyException(JsonPaths.Index(path, count - 1),
                $"ring is not closed: last position {Format(points[^1])} differs from first {Format(points[0])}");
        for (var k = 1; k < count; k++)
        {
            if (Math.Abs(points[k].Longitude - points[k - 1].Longitude) > 180)
                throw new GeofencePolicyException(JsonPaths.Index(path, k),
                    $"edge from longitude {Number(points[k - 1].Longitude)} to {Number(points[k].Longitude)} crosses the antimeridian; split the polygon at +/-180 degrees (RFC 7946 section 3.1.9)");
        }
        if (ShoelaceArea(points) == 0)
            throw new GeofencePolicyException(path, "ring encloses no area (all positions on one line or repeated)");
        return points;
    }

    private GeoPoint ReadPosition(JsonElement position, string path)
    {
        if (++_positions > GeoJsonFenceParser.MaxPositions)
            throw new GeofencePolicyException(path, $"more than {GeoJsonFenceParser.MaxPositions} positions in the document");
        JsonPaths.Expect(position, path, JsonValueKind.Array);
        var length = position.GetArrayLength();
        // [longitude, latitude] or [longitude, latitude, altitude]; RFC 7946 3.1.1 discourages more.
        if (length is < 2 or > 3)
            throw new GeofencePolicyException(path, $"a position is [longitude, latitude] or [longitude, latitude, altitude], found {length} elements");

        var longitude = ReadNumber(position[0], JsonPaths.Index(path, 0));
        var latitude = ReadNumber(position[1], JsonPaths.Index(path, 1));
        if (length == 3) ReadNumber(position[2], JsonPaths.Index(path, 2));
        if (longitude is < -180 or > 180)
            throw new GeofencePolicyException(JsonPaths.Index(path, 0), $"longitude {Number(longitude)} out of range [-180, 180] (GeoJSON order is [longitude, latitude])");
        if (latitude is < -90 or > 90)
            throw new GeofencePolicyException(JsonPaths.Index(path, 1), $"latitude {Number(latitude)} out of range [-90, 90] (GeoJSON order is [longitude, latitude])");
        return new GeoPoint(latitude, longitude);
    }

    private static double ReadNumber(JsonElement element, string path)
    {
        JsonPaths.Expect(element, path, JsonValueKind.Number);
        if (!element.TryGetDouble(out var value) || !double.IsFinite(value))
            throw new GeofencePolicyException(path, $"number {element.GetRawText()} is not a finite double");
        return value;
    }

    private static double ShoelaceArea(List<GeoPoint> ring)
    {
        var twiceArea = 0.0;
        for (var k = 1; k < ring.Count; k++)
            twiceArea += ring[k - 1].Longitude * ring[k].Latitude - ring[k].Longitude * ring[k - 1].Latitude;
        return twiceArea / 2;
    }

    private static string Format(GeoPoint p) => $"[{Number(p.Longitude)}, {Number(p.Latitude)}]";

    private static string Number(double value) =>
        value.ToString(Math.Abs(value) < 1e6 ? "0.0##########" : "G17", CultureInfo.InvariantCulture);
}
