using GeoEdge.Bridge.Geofencing;
using GeoEdge.Bridge.Store;
using GeoEdge.Geofencing;
using GeoEdge.Wire;

namespace GeoEdge.Bridge.Api;

/// <summary>
/// Policies of hosts and of groups of hosts, and group membership (docs/bridge.md, "Policies and groups").
/// Every PUT and DELETE of a policy stores a new version (DELETE: one marked retired); versions are never
/// changed or removed, and GET .../versions lists them all. A body is validated before it is stored: a
/// policy that would not parse (or names a jurisdiction the atlas does not know) is refused with 400.
/// </summary>
public static class PolicyApi
{
    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapGet("/hosts/{hostId}/policies", (string hostId, BridgeStore store) =>
            Results.Json(store.CurrentPolicies(hostId).Select(ToView).ToList(), BridgeJsonContext.Default.ListPolicyView));
        // What applies to the host: its own policies and its groups'.
        v1.MapGet("/hosts/{hostId}/effective-policies", (string hostId, BridgeStore store) =>
            Results.Json(store.EffectivePolicies(hostId).Select(ToView).ToList(), BridgeJsonContext.Default.ListPolicyView));
        v1.MapPut("/hosts/{hostId}/policies/{policyId}", async (string hostId, string policyId, HttpRequest request, BridgeStore store, TimeProvider time, JurisdictionData jurisdictions) =>
        {
            if (!HostId.IsValid(hostId)) return BridgeApi.BadRequest($"host id '{hostId}' is not valid");
            var (body, error) = await ValidatedBodyAsync(policyId, request, jurisdictions);
            if (error is not null) return error;
            var version = store.PutPolicy(hostId, policyId, body!, time.GetUtcNow());
            return Results.Json(ToView(store.PolicyVersions(hostId, policyId).Single(p => p.Version == version)), BridgeJsonContext.Default.PolicyView, statusCode: 201);
        });
        v1.MapDelete("/hosts/{hostId}/policies/{policyId}", (string hostId, string policyId, BridgeStore store, TimeProvider time) =>
            store.RetirePolicy(hostId, policyId, time.GetUtcNow()) is { } version
                ? Results.Json(ToView(store.PolicyVersions(hostId, policyId).Single(p => p.Version == version)), BridgeJsonContext.Default.PolicyView)
                : BridgeApi.NotFound($"host '{hostId}' has no live policy '{policyId}'"));
        v1.MapGet("/hosts/{hostId}/policies/{policyId}/versions", (string hostId, string policyId, BridgeStore store) =>
            store.PolicyVersions(hostId, policyId) is { Count: > 0 } versions
                ? Results.Json(versions.Select(ToView).ToList(), BridgeJsonContext.Default.ListPolicyView)
                : BridgeApi.NotFound($"host '{hostId}' has no policy '{policyId}'"));

        v1.MapGet("/groups", (BridgeStore store) => Results.Json(store.ListGroups().Select(ToView).ToList(), BridgeJsonContext.Default.ListGroupView));
        v1.MapGet("/groups/{groupId}", (string groupId, BridgeStore store) =>
            store.GetGroup(groupId) is { } group ? Results.Json(ToView(group), BridgeJsonContext.Default.GroupView) : NoGroup(groupId));
        v1.MapPut("/groups/{groupId}", (string groupId, BridgeStore store, TimeProvider time) =>
        {
            if (!HostId.IsValid(groupId)) return BridgeApi.BadRequest($"group id '{groupId}' is not valid (same rules as host ids)");
            var created = store.CreateGroup(groupId, time.GetUtcNow());
            return Results.Json(ToView(store.GetGroup(groupId)!), BridgeJsonContext.Default.GroupView, statusCode: created ? 201 : 200);
        });
        v1.MapPut("/groups/{groupId}/hosts/{hostId}", (string groupId, string hostId, BridgeStore store, TimeProvider time) =>
        {
            if (!HostId.IsValid(hostId)) return BridgeApi.BadRequest($"host id '{hostId}' is not valid");
            return store.AddGroupMember(groupId, hostId, time.GetUtcNow())
                ? Results.Json(ToView(store.GetGroup(groupId)!), BridgeJsonContext.Default.GroupView)
                : NoGroup(groupId);
        });
        v1.MapDelete("/groups/{groupId}/hosts/{hostId}", (string groupId, string hostId, BridgeStore store) =>
            store.RemoveGroupMember(groupId, hostId)
                ? Results.Json(ToView(store.GetGroup(groupId)!), BridgeJsonContext.Default.GroupView)
                : BridgeApi.NotFound($"host '{hostId}' is not a member of group '{groupId}'"));
        v1.MapGet("/groups/{groupId}/policies", (string groupId, BridgeStore store) =>
            store.GetGroup(groupId) is null ? NoGroup(groupId)
                : Results.Json(store.CurrentGroupPolicies(groupId).Select(ToView).ToList(), BridgeJsonContext.Default.ListGroupPolicyView));
        v1.MapPut("/groups/{groupId}/policies/{policyId}", async (string groupId, string policyId, HttpRequest request, BridgeStore store, TimeProvider time, JurisdictionData jurisdictions) =>
        {
            if (store.GetGroup(groupId) is null) return NoGroup(groupId);
            var (body, error) = await ValidatedBodyAsync(policyId, request, jurisdictions);
            if (error is not null) return error;
            var version = store.PutGroupPolicy(groupId, policyId, body!, time.GetUtcNow());
            return Results.Json(ToView(store.GroupPolicyVersions(groupId, policyId).Single(p => p.Version == version)), BridgeJsonContext.Default.GroupPolicyView, statusCode: 201);
        });
        v1.MapDelete("/groups/{groupId}/policies/{policyId}", (string groupId, string policyId, BridgeStore store, TimeProvider time) =>
            store.RetireGroupPolicy(groupId, policyId, time.GetUtcNow()) is { } version
                ? Results.Json(ToView(store.GroupPolicyVersions(groupId, policyId).Single(p => p.Version == version)), BridgeJsonContext.Default.GroupPolicyView)
                : BridgeApi.NotFound($"group '{groupId}' has no live policy '{policyId}'"));
        v1.MapGet("/groups/{groupId}/policies/{policyId}/versions", (string groupId, string policyId, BridgeStore store) =>
            store.GroupPolicyVersions(groupId, policyId) is { Count: > 0 } versions
                ? Results.Json(versions.Select(ToView).ToList(), BridgeJsonContext.Default.ListGroupPolicyView)
                : BridgeApi.NotFound($"group '{groupId}' has no policy '{policyId}'"));
    }

    private static async Task<(string? Body, IResult? Error)> ValidatedBodyAsync(string policyId, HttpRequest request, JurisdictionData jurisdictions)
    {
        if (!HostId.IsValid(policyId)) return (null, BridgeApi.BadRequest($"policy id '{policyId}' is not valid (same rules as host ids)"));
        var body = await BridgeApi.ReadBoundedAsync(request, PolicyDocument.MaxBytes);
        if (body is null) return (null, BridgeApi.BadRequest($"policy larger than {PolicyDocument.MaxBytes} bytes"));
        try
        {
            PolicyDocument.Parse(policyId, 0, body, jurisdictions);
            return (body, null);
        }
        catch (GeofencePolicyException e)
        {
            return (null, BridgeApi.BadRequest(e.Message));
        }
    }

    private static IResult NoGroup(string groupId) => BridgeApi.NotFound($"group '{groupId}' does not exist (PUT /v1/groups/{groupId} creates it)");

    private static PolicyView ToView(StoredPolicy p) => new(p.HostId, p.PolicyId, p.Version, p.CreatedAt, p.Body) { Retired = p.Retired ? true : null, Group = p.Group };

    private static GroupPolicyView ToView(StoredGroupPolicy p) => new(p.GroupId, p.PolicyId, p.Version, p.CreatedAt, p.Body, p.Retired ? true : null);

    private static GroupView ToView(HostGroup g) => new(g.GroupId, g.CreatedAt, [.. g.Members]);
}
