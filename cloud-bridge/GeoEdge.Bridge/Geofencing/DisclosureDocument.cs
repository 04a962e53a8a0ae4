using System.Globalization;
using System.Text.Json;
using GeoEdge.Geofencing;

namespace GeoEdge.Bridge.Geofencing;

/// <summary>
/// The "disclosure" member of a policy document: "none", "approximate" or "precise", or
/// {"type":"circle","radiusMeters":N} / {"type":"bounding-box","sizeMeters":N}. Absent means none.
/// </summary>
internal static class DisclosureDocument
{
    /// <summary>Below this an area says about as much as the point; above it, hardly more than the continent.</summary>
    public const double MinSizeMeters = 100, MaxSizeMeters = 2_000_000;

    public static Disclosure Parse(string policyId, JsonElement root)
    {
        if (!root.TryGetProperty("disclosure", out var d)) return Disclosure.Least;
        if (d.ValueKind == JsonValueKind.String)
        {
            return d.GetString() switch
            {
                "none" => Disclosure.Least,
                "approximate" => new Disclosure(DisclosureLevel.Approximate),
                "precise" => new Disclosure(DisclosureLevel.Precise),
                "circle" or "bounding-box" => throw Refused(policyId, "disclosure", $"\"{d.GetString()}\" needs its size: {{\"type\":\"{d.GetString()}\",\"{SizeMember(d.GetString()!)}\":N}}"),
                _ => throw Refused(policyId, "disclosure", "must be \"none\", \"approximate\", \"precise\" or a circle/bounding-box object"),
            };
        }
        if (d.ValueKind != JsonValueKind.Object)
            throw Refused(policyId, "disclosure", "must be a string or an object");
        var type = d.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var level = type switch
        {
            "circle" => DisclosureLevel.Circle,
            "bounding-box" => DisclosureLevel.BoundingBox,
            _ => throw Refused(policyId, "disclosure.type", "must be \"circle\" or \"bounding-box\" (the other levels are plain strings)"),
        };
        var sizeMember = SizeMember(type!);
        PolicyMembers.AllowOnly(policyId, d, "disclosure.", "type", sizeMember);
        var path = $"disclosure.{sizeMember}";
        var size = PolicyMembers.Number(policyId, d, sizeMember, path);
        if (size < MinSizeMeters || size > MaxSizeMeters)
            throw Refused(policyId, path, string.Create(CultureInfo.InvariantCulture, $"must be {MinSizeMeters}-{MaxSizeMeters} m, got {size}"));
        return new Disclosure(level, size);
    }

    private static string SizeMember(string type) => type == "circle" ? "radiusMeters" : "sizeMeters";

    private static GeofencePolicyException Refused(string policyId, string path, string problem) => new(path, $"policy '{policyId}': {problem}");
}
