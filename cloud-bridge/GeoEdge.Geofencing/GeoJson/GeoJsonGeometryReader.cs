using System.Text.Json;

namespace GeoEdge.Geofencing.GeoJson;

/// <summary>Walks the GeoJSON object structure (collections, features, geometries) and hands rings to <see cref="GeoJsonRingReader"/>.</summary>
internal sealed class GeoJsonGeometryReader(List<GeoPolygon> polygons)
{
    private static readonly HashSet<string> NonAreaTypes =
        ["Point", "MultiPoint", "LineString", "MultiLineString", "GeometryCollection"];

    private readonly GeoJsonRingReader _rings = new();

    public void ReadDocument(JsonElement root)
    {
        var type = ReadType(root, "");
        switch (type)
        {
            case "FeatureCollection":
                var features = JsonPaths.Required(root, "features", "", JsonValueKind.Array);
                if (features.GetArrayLength() == 0)
                    throw new GeofencePolicyException("features", "a FeatureCollection fence needs at least one feature");
                var i = 0;
                foreach (var feature in features.EnumerateArray())
                    ReadFeature(feature, JsonPaths.Index("features", i++));
                break;
            case "Feature":
                ReadFeature(root, "");
                break;
            default:
                ReadGeometry(root, "", type);
                break;
        }
    }

    private void ReadFeature(JsonElement feature, string path)
    {
        var type = ReadType(feature, path);
        if (type != "Feature")
            throw new GeofencePolicyException(JsonPaths.Child(path, "type"), $"expected a Feature, found '{type}'");
        var geometryPath = JsonPaths.Child(path, "geometry");
        var geometry = JsonPaths.Required(feature, "geometry", path, JsonValueKind.Object);
        ReadGeometry(geometry, geometryPath, ReadType(geometry, geometryPath));
    }

    private void ReadGeometry(JsonElement geometry, string path, string type)
    {
        var coordinatesPath = JsonPaths.Child(path, "coordinates");
        switch (type)
        {
            case "Polygon":
                polygons.Add(ReadPolygon(JsonPaths.Required(geometry, "coordinates", path, JsonValueKind.Array), coordinatesPath));
                break;
            case "MultiPolygon":
                var multi = JsonPaths.Required(geometry, "coordinates", path, JsonValueKind.Array);
                if (multi.GetArrayLength() == 0)
                    throw new GeofencePolicyException(coordinatesPath, "a MultiPolygon needs at least one polygon");
                var i = 0;
                foreach (var polygon in multi.EnumerateArray())
                {
                    var polygonPath = JsonPaths.Index(coordinatesPath, i++);
                    polygons.Add(ReadPolygon(JsonPaths.Expect(polygon, polygonPath, JsonValueKind.Array), polygonPath));
                }
                break;
            default:
                var typePath = JsonPaths.Child(path, "type");
                throw new GeofencePolicyException(typePath, NonAreaTypes.Contains(type)
                    ? $"a {type} does not bound an area; a fence must be a Polygon or MultiPolygon"
                    : $"unknown GeoJSON type '{type}'");
        }
    }

    private GeoPolygon ReadPolygon(JsonElement rings, string path)
    {
        if (rings.GetArrayLength() == 0)
            throw new GeofencePolicyException(path, "a polygon needs an exterior ring");
        IReadOnlyList<GeoPoint>? exterior = null;
        var holes = new List<IReadOnlyList<GeoPoint>>();
        var i = 0;
        foreach (var ring in rings.EnumerateArray())
        {
            var read = _rings.Read(ring, JsonPaths.Index(path, i));
            if (i++ == 0) exterior = read; else holes.Add(read);
        }
        return new GeoPolygon(exterior!, holes);
    }

    /// <summary>Reads "type" and refuses "crs": RFC 7946 removed it, and a foreign CRS would change what every coordinate means.</summary>
    private static string ReadType(JsonElement element, string path)
    {
        JsonPaths.Expect(element, path, JsonValueKind.Object);
        if (JsonPaths.Optional(element, "crs", path) is { ValueKind: not JsonValueKind.Null })
            throw new GeofencePolicyException(JsonPaths.Child(path, "crs"), "a 'crs' member is not supported: RFC 7946 coordinates are always WGS-84 longitude/latitude");
        return JsonPaths.Required(element, "type", path, JsonValueKind.String).GetString()!;
    }
}
