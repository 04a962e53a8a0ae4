using System.Globalization;
using System.Text.Json;
using GeoEdge.Geofencing;
using GeoEdge.Geofencing.GeoJson;

namespace GeoEdge.Bridge.Geofencing;

/// <summary>
/// The JSON form of a geofence policy, as the HTTP API takes it (docs/bridge.md, "Policies"):
/// {"type":"circle","center":{"lat":..,"lon":..},"radiusMeters":..},
/// {"type":"rectangle","south":..,"west":..,"north":..,"east":..} (west &gt; east crosses the antimeridian),
/// {"type":"geojson","geometry":{GeoJSON Polygon, MultiPolygon, Feature or FeatureCollection}} or
/// {"type":"jurisdiction","country":"ES"} / {"type":"jurisdiction","subdivision":"IN-UP"}
/// (ISO 3166-1 alpha-2 / ISO 3166-2, known to the jurisdiction atlas), each with an optional
/// "disclosure" (<see cref="DisclosureDocument"/>; absent means none) and "description".
/// </summary>
public static class PolicyDocument
{
    public const int MaxBytes = 1 << 20;

    /// <summary>Parses and validates; throws GeofencePolicyException naming what is wrong.</summary>
    /// <param name="jurisdictions">the country and subdivision boundaries, loaded only if the policy is a jurisdiction policy;
    /// null or without an atlas (none, or it failed to load), a jurisdiction policy is refused with the reason.</param>
    public static LocationPolicy Parse(string policyId, int version, string body, JurisdictionData? jurisdictions = null)
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
            if (root.TryGetProperty("description", out var description) && description.ValueKind != JsonValueKind.String)
                throw new GeofencePolicyException("description", $"policy '{policyId}': must be a string");
            string[] common = ["type", "disclosure", "description"];
            string? jurisdiction = null;
            GeoFence fence;
            switch (type)
            {
                case "circle":
                    PolicyMembers.AllowOnly(policyId, root, "", [.. common, "center", "radiusMeters"]);
                    fence = ParseCircle(policyId, root);
                    break;
                case "rectangle":
                    PolicyMembers.AllowOnly(policyId, root, "", [.. common, "south", "west", "north", "east"]);
                    fence = ParseRectangle(policyId, root);
                    break;
                case "geojson":
                    PolicyMembers.AllowOnly(policyId, root, "", [.. common, "geometry"]);
                    if (!root.TryGetProperty("geometry", out var g))
                        throw new GeofencePolicyException("geometry", $"policy '{policyId}': type geojson needs a 'geometry' member");
                    fence = ParseGeometry(policyId, g);
                    break;
                case "jurisdiction":
                    PolicyMembers.AllowOnly(policyId, root, "", [.. common, "country", "subdivision"]);
                    (jurisdiction, fence) = JurisdictionDocument.Parse(policyId, root, jurisdictions ?? JurisdictionData.None);
                    break;
                default:
                    throw new GeofencePolicyException("type", $"policy '{policyId}': must be \"circle\", \"rectangle\", \"geojson\" or \"jurisdiction\"");
            }
            return new LocationPolicy(policyId, version, fence, DisclosureDocument.Parse(policyId, root), jurisdiction);
        }
    }

    private static RectangleFence ParseRectangle(string policyId, JsonElement root)
    {
        var south = PolicyMembers.Number(policyId, root, "south", "south");
        var west = PolicyMembers.Number(policyId, root, "west", "west");
        var north = PolicyMembers.Number(policyId, root, "north", "north");
        var east = PolicyMembers.Number(policyId, root, "east", "east");
        try
        {
            return new RectangleFence(south, west, north, east);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new GeofencePolicyException(e.ParamName ?? "", $"policy '{policyId}': {e.Message.Split(" (Parameter")[0]}", e);
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
        var lat = PolicyMembers.Number(policyId, center, "lat", "center.lat");
        var lon = PolicyMembers.Number(policyId, center, "lon", "center.lon");
        var radius = PolicyMembers.Number(policyId, root, "radiusMeters", "radiusMeters");
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
}
