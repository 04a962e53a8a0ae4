using System.Text.Json;

namespace GeoEdge.Ear;

/// <summary>
/// Extra claims other services add (e.g. "geoedge.reasons", "geoedge.geofence"), kept as detached
/// JSON values in ordinal name order so that serialisation is deterministic.
/// </summary>
internal static class ClaimBag
{
    public static IReadOnlyDictionary<string, JsonElement> Validate(
        IReadOnlyDictionary<string, JsonElement>? claims, IReadOnlySet<string> reserved, string what)
    {
        var sorted = new SortedDictionary<string, JsonElement>(StringComparer.Ordinal);
        if (claims is null) return sorted;
        foreach (var (name, value) in claims)
        {
            if (string.IsNullOrEmpty(name)) throw new ArgumentException($"{what} need a non-empty name");
            if (reserved.Contains(name)) throw new ArgumentException($"'{name}' is an EAR claim of its own and cannot be an extra {what} entry");
            if (value.ValueKind == JsonValueKind.Undefined) throw new ArgumentException($"{what} '{name}' has no value");
            // Clone: the caller's JsonDocument may be disposed while this EAR lives on.
            sorted[name] = value.Clone();
        }
        return sorted;
    }
}
