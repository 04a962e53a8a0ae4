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
/// The groups themselves and their membership: GroupApi.
/// </summary>
public static class PolicyApi
{
    private static readonly PolicyOwner<PolicyView> Hosts = new("host", "hosts",
        CheckForList: (_, _) => null,
        CheckForPut: (_, hostId) => HostId.IsValid(hostId) ? null : BridgeApi.BadRequest($"host id '{hostId}' is not valid"),
        Current: (store, hostId) => store.CurrentPolicies(hostId).Select(ToView),
        Versions: (store, hostId, policyId) => store.PolicyVersions(hostId, policyId).Select(ToView),
        Put: (store, hostId, policyId, body, at) => store.PutPolicy(hostId, policyId, body, at),
        Retire: (store, hostId, policyId, at) => store.RetirePolicy(hostId, policyId, at),
        BridgeJsonContext.Default.PolicyView, BridgeJsonContext.Default.ListPolicyView);

    private static readonly PolicyOwner<GroupPolicyView> Groups = new("group", "groups",
        CheckForList: (store, groupId) => store.GetGroup(groupId) is null ? NoGroup(groupId) : null,
        CheckForPut: (store, groupId) => store.GetGroup(groupId) is null ? NoGroup(groupId) : null,
        Current: (store, groupId) => store.CurrentGroupPolicies(groupId).Select(ToView),
        Versions: (store, groupId, policyId) => store.GroupPolicyVersions(groupId, policyId).Select(ToView),
        Put: (store, groupId, policyId, body, at) => store.PutGroupPolicy(groupId, policyId, body, at),
        Retire: (store, groupId, policyId, at) => store.RetireGroupPolicy(groupId, policyId, at),
        BridgeJsonContext.Default.GroupPolicyView, BridgeJsonContext.Default.ListGroupPolicyView);

    public static void Map(RouteGroupBuilder v1)
    {
        MapVersionedPolicies(v1, Hosts);
        // What applies to the host: its own policies and its groups'.
        v1.MapGet("/hosts/{hostId}/effective-policies", (string hostId, BridgeStore store) =>
            Results.Json(store.EffectivePolicies(hostId).Select(ToView).ToList(), BridgeJsonContext.Default.ListPolicyView));

        MapVersionedPolicies(v1, Groups);
        GroupApi.Map(v1);
    }

    /// <summary>The list, PUT, DELETE and versions endpoints of one kind of policy owner (a host or a group).</summary>
    private static void MapVersionedPolicies<TView>(RouteGroupBuilder v1, PolicyOwner<TView> owner) where TView : IPolicyVersionView
    {
        var policies = $"/{owner.Collection}/{{ownerId}}/policies";
        v1.MapGet(policies, (string ownerId, BridgeStore store) =>
            owner.CheckForList(store, ownerId) ?? Results.Json(owner.Current(store, ownerId).ToList(), owner.Views));
        v1.MapPut(policies + "/{policyId}", async (string ownerId, string policyId, HttpRequest request, BridgeStore store, TimeProvider time, JurisdictionData jurisdictions) =>
        {
            if (owner.CheckForPut(store, ownerId) is { } refused) return refused;
            var (body, error) = await ValidatedBodyAsync(policyId, request, jurisdictions);
            if (error is not null) return error;
            var version = owner.Put(store, ownerId, policyId, body!, time.GetUtcNow());
            return Results.Json(owner.Stored(store, ownerId, policyId, version), owner.View, statusCode: 201);
        });
        v1.MapDelete(policies + "/{policyId}", (string ownerId, string policyId, BridgeStore store, TimeProvider time) =>
            owner.Retire(store, ownerId, policyId, time.GetUtcNow()) is { } version
                ? Results.Json(owner.Stored(store, ownerId, policyId, version), owner.View)
                : BridgeApi.NotFound($"{owner.Kind} '{ownerId}' has no live policy '{policyId}'"));
        v1.MapGet(policies + "/{policyId}/versions", (string ownerId, string policyId, BridgeStore store) =>
            owner.Versions(store, ownerId, policyId).ToList() is { Count: > 0 } versions
                ? Results.Json(versions, owner.Views)
                : BridgeApi.NotFound($"{owner.Kind} '{ownerId}' has no policy '{policyId}'"));
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

    internal static IResult NoGroup(string groupId) => BridgeApi.NotFound($"group '{groupId}' does not exist (PUT /v1/groups/{groupId} creates it)");

    private static PolicyView ToView(StoredPolicy p) => new(p.HostId, p.PolicyId, p.Version, p.CreatedAt, p.Body) { Retired = p.Retired ? true : null, Group = p.Group };

    private static GroupPolicyView ToView(StoredGroupPolicy p) => new(p.GroupId, p.PolicyId, p.Version, p.CreatedAt, p.Body, p.Retired ? true : null);
}
