using GeoEdge.Bridge.Store;

namespace GeoEdge.Bridge.Tests;

/// <summary>Policy versions and retirement, groups and their members, the policies that apply to a host, and an older store.</summary>
public class BridgeStorePolicyTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Retiring_a_policy_is_a_new_version_and_every_version_stays_readable()
    {
        using var temp = new TempStore();
        temp.Store.PutPolicy("edge-01", "madrid", "m1", At);
        temp.Store.PutPolicy("edge-01", "madrid", "m2", At);

        Assert.Equal(3, temp.Store.RetirePolicy("edge-01", "madrid", At));
        Assert.Null(temp.Store.RetirePolicy("edge-01", "madrid", At));
        Assert.Null(temp.Store.RetirePolicy("edge-01", "nowhere", At));
        Assert.Empty(temp.Store.CurrentPolicies("edge-01"));
        Assert.Equal([(1, "m1", false), (2, "m2", false), (3, "m2", true)],
            temp.Store.PolicyVersions("edge-01", "madrid").Select(p => (p.Version, p.Body, p.Retired)));

        Assert.Equal(4, temp.Store.PutPolicy("edge-01", "madrid", "m4", At));
        Assert.Equal([("madrid", 4, "m4")], temp.Store.CurrentPolicies("edge-01").Select(p => (p.PolicyId, p.Version, p.Body)));
    }

    [Fact]
    public void A_groups_policies_apply_to_its_members_only_while_they_are_members()
    {
        using var temp = new TempStore();
        Assert.True(temp.Store.CreateGroup("eu", At));
        Assert.False(temp.Store.CreateGroup("eu", At));
        Assert.False(temp.Store.AddGroupMember("nonexistent", "edge-01", At));
        Assert.True(temp.Store.AddGroupMember("eu", "edge-01", At));
        Assert.True(temp.Store.AddGroupMember("eu", "edge-01", At));
        temp.Store.PutPolicy("edge-01", "madrid", "own", At);
        Assert.Equal(1, temp.Store.PutGroupPolicy("eu", "spain", "s1", At));
        Assert.Equal(2, temp.Store.PutGroupPolicy("eu", "spain", "s2", At));

        Assert.Equal([("madrid", 1, "own", (string?)null), ("spain", 2, "s2", "eu")],
            temp.Store.EffectivePolicies("edge-01").Select(p => (p.PolicyId, p.Version, p.Body, p.Group)));
        Assert.Empty(temp.Store.EffectivePolicies("edge-02"));
        Assert.Equal(["edge-01"], temp.Store.GetGroup("eu")!.Members);

        Assert.True(temp.Store.RemoveGroupMember("eu", "edge-01", At));
        Assert.False(temp.Store.RemoveGroupMember("eu", "edge-01", At));
        Assert.Equal(["madrid"], temp.Store.EffectivePolicies("edge-01").Select(p => p.PolicyId));
    }

    [Fact]
    public void A_retired_group_policy_no_longer_applies_but_its_versions_remain()
    {
        using var temp = new TempStore();
        temp.Store.CreateGroup("eu", At);
        temp.Store.AddGroupMember("eu", "edge-01", At);
        temp.Store.PutGroupPolicy("eu", "spain", "s1", At);

        Assert.Equal(2, temp.Store.RetireGroupPolicy("eu", "spain", At));
        Assert.Empty(temp.Store.EffectivePolicies("edge-01"));
        Assert.Empty(temp.Store.CurrentGroupPolicies("eu"));
        Assert.Equal([(1, false), (2, true)], temp.Store.GroupPolicyVersions("eu", "spain").Select(p => (p.Version, p.Retired)));
    }

    [Fact]
    public void A_store_from_before_retirement_and_groups_keeps_its_policies_live()
    {
        using var old = new OlderStoreFile("""
            CREATE TABLE policies (host_id TEXT NOT NULL, policy_id TEXT NOT NULL, version INTEGER NOT NULL, body TEXT NOT NULL,
                created_at TEXT NOT NULL, PRIMARY KEY (host_id, policy_id, version));
            INSERT INTO policies VALUES ('edge-01', 'madrid', 1, 'old', '2025-01-01T00:00:00.0000000+00:00');
            """);

        using var store = new BridgeStore(old.Path);
        Assert.Equal([("madrid", 1, "old", false)], store.CurrentPolicies("edge-01").Select(p => (p.PolicyId, p.Version, p.Body, p.Retired)));
        Assert.Equal(2, store.PutPolicy("edge-01", "madrid", "new", At));
        Assert.Equal(3, store.RetirePolicy("edge-01", "madrid", At));
        Assert.True(store.CreateGroup("eu", At));
    }
}
