using System.Text.Json;
using GeoEdge.Geofencing;

namespace GeoEdge.Bridge.Geofencing;

/// <summary>Reading the members of a policy document, every refusal naming the member.</summary>
internal static class PolicyMembers
{
    public static double Number(string policyId, JsonElement obj, string name, string path)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var d) || !double.IsFinite(d))
            throw new GeofencePolicyException(path, $"policy '{policyId}': must be a finite number");
        return d;
    }

    /// <summary>
    /// Refuses a member the type does not define: a misspelt "disclosure" would otherwise silently mean
    /// "none", and a misspelt bound silently something else.
    /// </summary>
    public static void AllowOnly(string policyId, JsonElement obj, string prefix, params string[] allowed)
    {
        foreach (var member in obj.EnumerateObject())
            if (Array.IndexOf(allowed, member.Name) < 0)
                throw new GeofencePolicyException(prefix + member.Name,
                    $"policy '{policyId}': not a member of this object (allowed: {string.Join(", ", allowed)})");
    }
}
