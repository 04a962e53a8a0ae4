namespace GeoEdge.Bridge.Store;

/// <summary>
/// Policies, versioned: every change is a new version and none is ever overwritten or removed, so the
/// policy text behind any stored verdict stays readable. Deleting a policy stores a version marked
/// retired. A host's policies are its own plus those of every group it belongs to (groups: BridgeStore.Groups.cs).
/// </summary>
public sealed partial class BridgeStore
{
    /// <summary>Where a policy's versions live: the host's table or the group's (identifiers are constants, never input).</summary>
    private sealed record PolicyTable(string Table, string Owner);

    private static readonly PolicyTable HostPolicies = new("policies", "host_id");
    private static readonly PolicyTable GroupPolicies = new("group_policies", "group_id");

    /// <summary>Stores a new version of a host's policy; returns its version number (1 for a new policy).</summary>
    public int PutPolicy(string hostId, string policyId, string body, DateTimeOffset at) => AddVersion(HostPolicies, hostId, policyId, body, at, retired: false);

    /// <summary>Stores a version retiring the host's policy; null when it has no such live policy.</summary>
    public int? RetirePolicy(string hostId, string policyId, DateTimeOffset at) => Retire(HostPolicies, hostId, policyId, at);

    /// <summary>The latest version of each live (not retired) policy of the host itself, without its groups'.</summary>
    public IReadOnlyList<StoredPolicy> CurrentPolicies(string hostId) =>
        Latest(HostPolicies, hostId).Select(v => ToHostPolicy(hostId, v)).ToList();

    /// <summary>Every version of one of the host's policies, oldest first; empty when there is none.</summary>
    public IReadOnlyList<StoredPolicy> PolicyVersions(string hostId, string policyId) =>
        Versions(HostPolicies, hostId, policyId).Select(v => ToHostPolicy(hostId, v)).ToList();

    /// <summary>The policies that apply to the host: its own live ones, then its groups' (by group, then policy id).</summary>
    public IReadOnlyList<StoredPolicy> EffectivePolicies(string hostId)
    {
        var own = CurrentPolicies(hostId);
        var fromGroups = HostGroups(hostId)
            .SelectMany(g => Latest(GroupPolicies, g).Select(v => ToHostPolicy(hostId, v) with { Group = g }));
        return [.. own, .. fromGroups];
    }

    public int PutGroupPolicy(string groupId, string policyId, string body, DateTimeOffset at) => AddVersion(GroupPolicies, groupId, policyId, body, at, retired: false);

    public int? RetireGroupPolicy(string groupId, string policyId, DateTimeOffset at) => Retire(GroupPolicies, groupId, policyId, at);

    public IReadOnlyList<StoredGroupPolicy> CurrentGroupPolicies(string groupId) =>
        Latest(GroupPolicies, groupId).Select(v => ToGroupPolicy(groupId, v)).ToList();

    public IReadOnlyList<StoredGroupPolicy> GroupPolicyVersions(string groupId, string policyId) =>
        Versions(GroupPolicies, groupId, policyId).Select(v => ToGroupPolicy(groupId, v)).ToList();

    private sealed record VersionRow(string PolicyId, int Version, string Body, DateTimeOffset CreatedAt, bool Retired);

    private int AddVersion(PolicyTable t, string owner, string policyId, string body, DateTimeOffset at, bool retired)
    {
        lock (_lock)
        {
            using var tx = _db.BeginTransaction();
            var version = NextVersion(t, owner, policyId);
            Execute($"INSERT INTO {t.Table} ({t.Owner}, policy_id, version, body, created_at, retired) VALUES ($o, $p, $v, $b, $at, $r)",
                ("$o", owner), ("$p", policyId), ("$v", version), ("$b", body), ("$at", Iso(at)), ("$r", retired ? 1 : 0));
            tx.Commit();
            return version;
        }
    }

    private int? Retire(PolicyTable t, string owner, string policyId, DateTimeOffset at)
    {
        lock (_lock)
        {
            using var tx = _db.BeginTransaction();
            var latest = Versions(t, owner, policyId).LastOrDefault();
            if (latest is null || latest.Retired) return null;
            var version = NextVersion(t, owner, policyId);
            Execute($"INSERT INTO {t.Table} ({t.Owner}, policy_id, version, body, created_at, retired) VALUES ($o, $p, $v, $b, $at, 1)",
                ("$o", owner), ("$p", policyId), ("$v", version), ("$b", latest.Body), ("$at", Iso(at)));
            tx.Commit();
            return version;
        }
    }

    private int NextVersion(PolicyTable t, string owner, string policyId) =>
        (int)(Scalar<long?>($"SELECT MAX(version) FROM {t.Table} WHERE {t.Owner} = $o AND policy_id = $p", ("$o", owner), ("$p", policyId)) ?? 0) + 1;

    private List<VersionRow> Latest(PolicyTable t, string owner) => Query($"""
        SELECT p.policy_id, p.version, p.body, p.created_at, p.retired FROM {t.Table} p
        JOIN (SELECT policy_id, MAX(version) v FROM {t.Table} WHERE {t.Owner} = $o GROUP BY policy_id) latest
          ON p.policy_id = latest.policy_id AND p.version = latest.v
        WHERE p.{t.Owner} = $o AND COALESCE(p.retired, 0) = 0 ORDER BY p.policy_id
        """, ("$o", owner));

    private List<VersionRow> Versions(PolicyTable t, string owner, string policyId) => Query($"""
        SELECT policy_id, version, body, created_at, retired FROM {t.Table}
        WHERE {t.Owner} = $o AND policy_id = $p ORDER BY version
        """, ("$o", owner), ("$p", policyId));

    private List<VersionRow> Query(string sql, params (string Name, object? Value)[] parameters)
    {
        lock (_lock)
        {
            using var cmd = Command(sql, parameters);
            using var r = cmd.ExecuteReader();
            var list = new List<VersionRow>();
            while (r.Read())
                list.Add(new VersionRow(r.GetString(0), r.GetInt32(1), r.GetString(2), ParseIso(r.GetString(3)), !r.IsDBNull(4) && r.GetInt64(4) != 0));
            return list;
        }
    }

    private static StoredPolicy ToHostPolicy(string hostId, VersionRow v) =>
        new(hostId, v.PolicyId, v.Version, v.Body, v.CreatedAt) { Retired = v.Retired };

    private static StoredGroupPolicy ToGroupPolicy(string groupId, VersionRow v) =>
        new(groupId, v.PolicyId, v.Version, v.Body, v.CreatedAt, v.Retired);
}
