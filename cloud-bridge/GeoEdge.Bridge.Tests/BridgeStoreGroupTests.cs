using GeoEdge.Bridge.Store;

namespace GeoEdge.Bridge.Tests;

/// <summary>Group membership history with its membership version, group deletion, and a store from before either.</summary>
public class BridgeStoreGroupTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    private static IEnumerable<(int, string, string)> Changes(BridgeStore store, string groupId) =>
        store.GroupMembershipHistory(groupId)!.Changes.Select(c => (c.Version, c.HostId, c.Change));

    [Fact]
    public void Every_membership_change_gets_the_next_membership_version_and_a_repeated_add_records_nothing()
    {
        using var temp = new TempStore();
        Assert.Null(temp.Store.GroupMembershipHistory("eu"));
        temp.Store.CreateGroup("eu", At);
        Assert.Equal(0, temp.Store.GroupMembershipHistory("eu")!.Version);

        temp.Store.AddGroupMember("eu", "edge-01", At);
        temp.Store.AddGroupMember("eu", "edge-02", At.AddMinutes(1));
        temp.Store.AddGroupMember("eu", "edge-01", At.AddMinutes(2));
        temp.Store.RemoveGroupMember("eu", "edge-01", At.AddMinutes(3));
        Assert.False(temp.Store.RemoveGroupMember("eu", "edge-01", At.AddMinutes(4)));
        temp.Store.AddGroupMember("eu", "edge-01", At.AddMinutes(5));

        var history = temp.Store.GroupMembershipHistory("eu")!;
        Assert.Equal([(1, "edge-01", "added"), (2, "edge-02", "added"), (3, "edge-01", "removed"), (4, "edge-01", "added")], Changes(temp.Store, "eu"));
        Assert.Equal(4, history.Version);
        Assert.Equal(At.AddMinutes(3), history.Changes[2].At);
        Assert.Null(history.DeletedAt);

        // A page after version 1, at most two changes: the version is still the group's latest.
        var page = temp.Store.GroupMembershipHistory("eu", after: 1, limit: 2)!;
        Assert.Equal(4, page.Version);
        Assert.Equal([2, 3], page.Changes.Select(c => c.Version));
    }

    [Fact]
    public void A_group_with_members_or_live_policies_is_not_deleted_and_the_refusal_names_them()
    {
        using var temp = new TempStore();
        temp.Store.CreateGroup("eu", At);
        temp.Store.AddGroupMember("eu", "edge-01", At);
        temp.Store.PutGroupPolicy("eu", "spain", "s1", At);

        var refused = temp.Store.DeleteGroup("eu", At);
        Assert.Equal((false, true), (refused.Deleted, refused.Found));
        Assert.Equal(["edge-01"], refused.Members);
        Assert.Equal(["spain"], refused.LivePolicies);
        Assert.NotNull(temp.Store.GetGroup("eu"));
        Assert.Equal(["spain"], temp.Store.EffectivePolicies("edge-01").Select(p => p.PolicyId));

        // Members alone hold a group too: deleting it would drop the hosts' membership without a recorded change.
        temp.Store.CreateGroup("ops", At);
        temp.Store.AddGroupMember("ops", "edge-09", At);
        var onlyMembers = temp.Store.DeleteGroup("ops", At);
        Assert.False(onlyMembers.Deleted);
        Assert.Equal(["edge-09"], onlyMembers.Members);
        Assert.Empty(onlyMembers.LivePolicies);

        temp.Store.RemoveGroupMember("eu", "edge-01", At);
        Assert.Equal(["spain"], temp.Store.DeleteGroup("eu", At).LivePolicies);
        temp.Store.RetireGroupPolicy("eu", "spain", At);
        Assert.True(temp.Store.DeleteGroup("eu", At.AddHours(1)).Deleted);
        Assert.False(temp.Store.DeleteGroup("eu", At.AddHours(1)).Found);
    }

    [Fact]
    public void A_deleted_group_is_gone_from_the_lists_keeps_its_history_and_can_be_created_again()
    {
        using var temp = new TempStore();
        temp.Store.CreateGroup("eu", At);
        temp.Store.AddGroupMember("eu", "edge-01", At);
        temp.Store.RemoveGroupMember("eu", "edge-01", At);
        temp.Store.PutGroupPolicy("eu", "spain", "s1", At);
        temp.Store.RetireGroupPolicy("eu", "spain", At);
        Assert.True(temp.Store.DeleteGroup("eu", At.AddHours(1)).Deleted);

        Assert.Null(temp.Store.GetGroup("eu"));
        Assert.Empty(temp.Store.ListGroups());
        Assert.False(temp.Store.AddGroupMember("eu", "edge-01", At), "a deleted group takes no member");
        Assert.Equal(At.AddHours(1), temp.Store.GroupMembershipHistory("eu")!.DeletedAt);
        Assert.Equal(2, temp.Store.GroupPolicyVersions("eu", "spain").Count);

        Assert.True(temp.Store.CreateGroup("eu", At.AddHours(2)));
        Assert.Equal(At.AddHours(2), temp.Store.GetGroup("eu")!.CreatedAt);
        Assert.True(temp.Store.AddGroupMember("eu", "edge-02", At.AddHours(2)));
        Assert.Equal([(1, "edge-01", "added"), (2, "edge-01", "removed"), (3, "edge-02", "added")], Changes(temp.Store, "eu"));
        Assert.Null(temp.Store.GroupMembershipHistory("eu")!.DeletedAt);
        Assert.Equal(3, temp.Store.PutGroupPolicy("eu", "spain", "s3", At.AddHours(2)));
    }

    [Fact]
    public void A_store_from_before_membership_history_keeps_its_groups_and_starts_their_history_from_their_members()
    {
        // The group tables as the bridge released them before membership history and group deletion.
        using var old = new OlderStoreFile("""
            CREATE TABLE host_groups (group_id TEXT PRIMARY KEY, created_at TEXT NOT NULL);
            CREATE TABLE group_members (group_id TEXT NOT NULL REFERENCES host_groups(group_id), host_id TEXT NOT NULL,
                added_at TEXT NOT NULL, PRIMARY KEY (group_id, host_id));
            CREATE TABLE group_policies (group_id TEXT NOT NULL REFERENCES host_groups(group_id), policy_id TEXT NOT NULL,
                version INTEGER NOT NULL, body TEXT NOT NULL, created_at TEXT NOT NULL, retired INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (group_id, policy_id, version));
            INSERT INTO host_groups VALUES ('eu', '2025-01-01T00:00:00.0000000+00:00'), ('empty', '2025-01-01T00:00:00.0000000+00:00');
            INSERT INTO group_members VALUES ('eu', 'edge-01', '2025-03-01T00:00:00.0000000+00:00'),
                ('eu', 'edge-02', '2025-02-01T00:00:00.0000000+00:00');
            INSERT INTO group_policies VALUES ('eu', 'spain', 1, 'old', '2025-01-01T00:00:00.0000000+00:00', 0);
            """);

        using (var store = new BridgeStore(old.Path))
        {
            Assert.Equal(["empty", "eu"], store.ListGroups().Select(g => g.GroupId));
            Assert.Equal(["edge-01", "edge-02"], store.GetGroup("eu")!.Members);
            Assert.Equal(["spain"], store.EffectivePolicies("edge-01").Select(p => p.PolicyId));
            // In the order they were added (edge-02 first), not by host id.
            Assert.Equal([(1, "edge-02", "added"), (2, "edge-01", "added")], Changes(store, "eu"));
            Assert.Equal(DateTimeOffset.Parse("2025-02-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
                store.GroupMembershipHistory("eu")!.Changes[0].At);
            Assert.Equal(0, store.GroupMembershipHistory("empty")!.Version);
            Assert.True(store.DeleteGroup("empty", At).Deleted);
            store.RemoveGroupMember("eu", "edge-02", At);
        }

        // Opening it again neither adds the column twice nor records the members a second time.
        using var reopened = new BridgeStore(old.Path);
        Assert.Equal([(1, "edge-02", "added"), (2, "edge-01", "added"), (3, "edge-02", "removed")], Changes(reopened, "eu"));
        Assert.Null(reopened.GetGroup("empty"));
    }
}
