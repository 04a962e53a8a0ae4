using GeoEdge.Bridge.Store;
using GeoEdge.Wire;

namespace GeoEdge.Bridge.Api;

/// <summary>
/// Groups of hosts (docs/bridge.md, "Policies and groups"): create, list, delete, membership and its
/// history. Every membership change gets the group's next membership version; a group is deleted only
/// once it has neither members nor live policies (409 naming them otherwise), so deleting one never
/// silently lifts a policy from a host.
/// </summary>
internal static class GroupApi
{
    /// <summary>How many members or policies a 409 names before "and N more": the message stays bounded.</summary>
    private const int NamedInConflict = 10;

    /// <summary>The most membership changes one answer holds; ?after=VERSION pages on.</summary>
    private const int MaxChangesPerPage = 1000;

    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapGet("/groups", (BridgeStore store) => Results.Json(store.ListGroups().Select(ToView).ToList(), BridgeJsonContext.Default.ListGroupView));
        v1.MapGet("/groups/{groupId}", (string groupId, BridgeStore store) =>
            store.GetGroup(groupId) is { } group ? Results.Json(ToView(group), BridgeJsonContext.Default.GroupView) : PolicyApi.NoGroup(groupId));
        v1.MapPut("/groups/{groupId}", (string groupId, BridgeStore store, TimeProvider time) =>
        {
            if (!HostId.IsValid(groupId)) return BridgeApi.BadRequest($"group id '{groupId}' is not valid (same rules as host ids)");
            var created = store.CreateGroup(groupId, time.GetUtcNow());
            return Results.Json(ToView(store.GetGroup(groupId)!), BridgeJsonContext.Default.GroupView, statusCode: created ? 201 : 200);
        });
        v1.MapDelete("/groups/{groupId}", (string groupId, BridgeStore store, TimeProvider time) => Delete(groupId, store, time.GetUtcNow()));
        v1.MapPut("/groups/{groupId}/hosts/{hostId}", (string groupId, string hostId, BridgeStore store, TimeProvider time) =>
        {
            if (!HostId.IsValid(hostId)) return BridgeApi.BadRequest($"host id '{hostId}' is not valid");
            return store.AddGroupMember(groupId, hostId, time.GetUtcNow())
                ? Results.Json(ToView(store.GetGroup(groupId)!), BridgeJsonContext.Default.GroupView)
                : PolicyApi.NoGroup(groupId);
        });
        v1.MapDelete("/groups/{groupId}/hosts/{hostId}", (string groupId, string hostId, BridgeStore store, TimeProvider time) =>
            store.RemoveGroupMember(groupId, hostId, time.GetUtcNow())
                ? Results.Json(ToView(store.GetGroup(groupId)!), BridgeJsonContext.Default.GroupView)
                : BridgeApi.NotFound($"host '{hostId}' is not a member of group '{groupId}'"));
        v1.MapGet("/groups/{groupId}/membership", (string groupId, int? after, int? limit, BridgeStore store) =>
            store.GroupMembershipHistory(groupId, Math.Max(after ?? 0, 0), Math.Clamp(limit ?? MaxChangesPerPage, 1, MaxChangesPerPage)) is { } history
                ? Results.Json(ToView(history), BridgeJsonContext.Default.MembershipView)
                : PolicyApi.NoGroup(groupId));
    }

    private static IResult Delete(string groupId, BridgeStore store, DateTimeOffset at)
    {
        var deletion = store.DeleteGroup(groupId, at);
        if (!deletion.Found) return PolicyApi.NoGroup(groupId);
        if (deletion.Deleted) return Results.Json(new DeletedGroupView(groupId, at), BridgeJsonContext.Default.DeletedGroupView);
        var holding = new List<string>();
        if (deletion.Members.Count > 0) holding.Add($"members {Named(deletion.Members)}");
        if (deletion.LivePolicies.Count > 0) holding.Add($"live policies {Named(deletion.LivePolicies)}");
        return BridgeApi.Conflict($"group '{groupId}' still has {string.Join(" and ", holding)}: remove its hosts and delete its policies before deleting it");
    }

    private static string Named(IReadOnlyList<string> ids) =>
        ids.Count <= NamedInConflict ? string.Join(", ", ids) : $"{string.Join(", ", ids.Take(NamedInConflict))} and {ids.Count - NamedInConflict} more";

    private static GroupView ToView(HostGroup g) => new(g.GroupId, g.CreatedAt, [.. g.Members]);

    private static MembershipView ToView(MembershipHistory h) =>
        new(h.GroupId, h.Version, [.. h.Changes.Select(c => new MembershipChangeView(c.Version, c.HostId, c.Change, c.At))], h.DeletedAt);
}
