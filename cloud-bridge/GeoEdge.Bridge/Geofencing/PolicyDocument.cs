using System.Globalization;
using System.Text.Json;
using GeoEdge.Geofencing;
using GeoEdge.Geofencing.GeoJson;

namespace GeoEdge.Bridge.Geofencing;

/// <summary>
/// The JSON form of a host's geofence policy, as the HTTP API takes it:
/// {"type":"circle","center":{"lat":..,"lon":..},"radiusMeters":..} or
/// {"type":"geojson","geometry":{GeoJSON Polygon, MultiPolygon, Feature or FeatureCollection}}.
/// </summary>
public static class PolicyDocument
{
    public const int MaxBytes = 1 << 20;

    /// <summary>Parses and validates; throws GeofencePolicyException naming what is wrong.</summary>
    public static GeofencePolicy Parse(string policyId, int version, string body)
    {
        if (body.Length > MaxBytes) throw new GeofencePolicyException("", $"policy '{policyId}': larger than {MaxBytes} bytes");
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            throw new GeofencePolicyException("", $"policy '{policyId}': not JSON ({e.Message})");
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new GeofencePolicyException("", $"policy '{policyId}': must be a JSON object");
            var type = root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            return type switch
            {
                "circle" => new GeofencePolicy(policyId, version, ParseCircle(policyId, root)),
                "geojson" when root.TryGetProperty("geometry", out var g) =>
                    new GeofencePolicy(policyId, version, ParseGeometry(policyId, g)),
                "geojson" => throw new GeofencePolicyException("geometry", $"policy '{policyId}': type geojson needs a 'geometry' member"),
                _ => throw new GeofencePolicyException("type", $"policy '{policyId}': must be \"circle\" or \"geojson\""),
            };
        }
    }

    private static PolygonFence ParseGeometry(string policyId, JsonElement geometry)
    {
        try
        {
            return GeoJsonFenceParser.Parse(geometry.GetRawText());
        }
        catch (GeofencePolicyException e)
        {
            // The GeoJSON parser's paths start at the geometry, but the caller sent the whole policy
            // document: re-root the path so the refusal names the field the caller actually wrote.
            var problem = e.JsonPath.Length == 0 ? e.Message : e.Message[(e.JsonPath.Length + 2)..];
            var path = e.JsonPath.Length == 0 ? "geometry" : e.JsonPath[0] == '[' ? "geometry" + e.JsonPath : "geometry." + e.JsonPath;
            throw new GeofencePolicyException(path, $"policy '{policyId}': {problem}", e);
        }
    }

    private static CircleFence ParseCircle(string policyId, JsonElement root)
    {
        if (!root.TryGetProperty("center", out var center) || center.ValueKind != JsonValueKind.Object)
            throw new GeofencePolicyException("center", $"policy '{policyId}': circle needs a 'center' object with lat and lon");
        var lat = Number(policyId, center, "lat", "center.lat");
        var lon = Number(policyId, center, "lon", "center.lon");
        var radius = Number(policyId, root, "radiusMeters", "radiusMeters");
        if (radius <= 0) throw new GeofencePolicyException("radiusMeters", $"policy '{policyId}': must be positive, got {radius.ToString(CultureInfo.InvariantCulture)}");
        try
        {
            return new CircleFence(new GeoPoint(lat, lon), radius);
        }
        catch (ArgumentException e)
        {
            throw new GeofencePolicyException("center", $"policy '{policyId}': {e.Message}", e);
        }
    }

    private static double Number(string policyId, JsonElement obj, string name, string path)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var d) || !double.IsFinite(d))
            throw new GeofencePolicyException(path, $"policy '{policyId}': must be a finite number");
        return d;
    }
}
