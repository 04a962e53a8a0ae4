namespace GeoEdge.Bridge.Store;

/// <summary>
/// Groups of hosts and their membership. Every membership change is recorded with the group's next
/// membership version, so "who was in the group when" stays answerable after the members change.
/// A deleted group keeps its row (marked deleted_at), its policy versions and its membership history.
/// </summary>
public sealed partial class BridgeStore
{
    private const string Added = "added";
    private const string Removed = "removed";

    /// <summary>Creates the group, or brings back a deleted one; false when it is live already.</summary>
    public bool CreateGroup(string groupId, DateTimeOffset at)
    {
        lock (_lock)
        {
            using var revive = Command("UPDATE host_groups SET created_at = $at, deleted_at = NULL WHERE group_id = $g AND deleted_at IS NOT NULL",
                ("$g", groupId), ("$at", Iso(at)));
            if (revive.ExecuteNonQuery() == 1) return true;
            using var cmd = Command("INSERT OR IGNORE INTO host_groups (group_id, created_at) VALUES ($g, $at)", ("$g", groupId), ("$at", Iso(at)));
            return cmd.ExecuteNonQuery() == 1;
        }
    }

    public HostGroup? GetGroup(string groupId) => ListGroups().FirstOrDefault(g => g.GroupId == groupId);

    /// <summary>The live groups with their members, by group id.</summary>
    public IReadOnlyList<HostGroup> ListGroups()
    {
        lock (_lock)
        {
            var groups = new List<(string Id, DateTimeOffset At)>();
            using (var cmd = Command("SELECT group_id, created_at FROM host_groups WHERE deleted_at IS NULL ORDER BY group_id"))
            using (var r = cmd.ExecuteReader())
                while (r.Read()) groups.Add((r.GetString(0), ParseIso(r.GetString(1))));
            var members = new Dictionary<string, List<string>>();
            using (var cmd = Command("SELECT group_id, host_id FROM group_members ORDER BY group_id, host_id"))
            using (var r = cmd.ExecuteReader())
                while (r.Read())
                {
                    if (!members.TryGetValue(r.GetString(0), out var list)) members[r.GetString(0)] = list = [];
                    list.Add(r.GetString(1));
                }
            return groups.Select(g => new HostGroup(g.Id, g.At, members.GetValueOrDefault(g.Id) ?? [])).ToList();
        }
    }

    /// <summary>
    /// Adds the host to the group, recording the change; false when the group does not exist (or was deleted).
    /// Adding a member twice is harmless and records nothing the second time.
    /// </summary>
    public bool AddGroupMember(string groupId, string hostId, DateTimeOffset at)
    {
        lock (_lock)
        {
            if (!IsLiveGroup(groupId)) return false;
            using var tx = _db.BeginTransaction();
            using var insert = Command("INSERT OR IGNORE INTO group_members VALUES ($g, $h, $at)", ("$g", groupId), ("$h", hostId), ("$at", Iso(at)));
            if (insert.ExecuteNonQuery() == 1) RecordMembershipChange(groupId, hostId, Added, at);
            tx.Commit();
            return true;
        }
    }

    /// <summary>Removes the host from the group, recording the change; false when it was not a member.</summary>
    public bool RemoveGroupMember(string groupId, string hostId, DateTimeOffset at)
    {
        lock (_lock)
        {
            using var tx = _db.BeginTransaction();
            using var delete = Command("DELETE FROM group_members WHERE group_id = $g AND host_id = $h", ("$g", groupId), ("$h", hostId));
            if (delete.ExecuteNonQuery() != 1) return false;
            RecordMembershipChange(groupId, hostId, Removed, at);
            tx.Commit();
            return true;
        }
    }

    /// <summary>
    /// Deletes the group only when nothing depends on it any more: no member and no live policy. Failing
    /// closed: deleting a group with members would silently lift the policies those hosts are held to.
    /// </summary>
    public GroupDeletion DeleteGroup(string groupId, DateTimeOffset at)
    {
        lock (_lock)
        {
            if (!IsLiveGroup(groupId)) return new GroupDeletion(Deleted: false, Found: false, [], []);
            using var tx = _db.BeginTransaction();
            var members = GetGroup(groupId)!.Members;
            var policies = CurrentGroupPolicies(groupId).Select(p => p.PolicyId).ToList();
            if (members.Count > 0 || policies.Count > 0) return new GroupDeletion(Deleted: false, Found: true, members, policies);
            Execute("UPDATE host_groups SET deleted_at = $at WHERE group_id = $g", ("$g", groupId), ("$at", Iso(at)));
            tx.Commit();
            return new GroupDeletion(Deleted: true, Found: true, [], []);
        }
    }

    /// <summary>
    /// The group's membership changes after membership version <paramref name="after"/>, oldest first, at most
    /// <paramref name="limit"/>; null when no such group was ever created.
    /// </summary>
    public MembershipHistory? GroupMembershipHistory(string groupId, int after = 0, int limit = int.MaxValue)
    {
        lock (_lock)
        {
            using var group = Command("SELECT deleted_at FROM host_groups WHERE group_id = $g", ("$g", groupId));
            using var g = group.ExecuteReader();
            if (!g.Read()) return null;
            DateTimeOffset? deletedAt = g.IsDBNull(0) ? null : ParseIso(g.GetString(0));
            using var cmd = Command("""
                SELECT version, host_id, change, changed_at FROM group_membership_changes
                WHERE group_id = $g AND version > $after ORDER BY version LIMIT $n
                """, ("$g", groupId), ("$after", after), ("$n", limit));
            using var r = cmd.ExecuteReader();
            var changes = new List<MembershipChange>();
            while (r.Read()) changes.Add(new MembershipChange(r.GetInt32(0), r.GetString(1), r.GetString(2), ParseIso(r.GetString(3))));
            return new MembershipHistory(groupId, MembershipVersion(groupId), changes, deletedAt);
        }
    }

    /// <summary>The live groups the host is a member of, by group id.</summary>
    public IReadOnlyList<string> HostGroups(string hostId)
    {
        lock (_lock)
        {
            using var cmd = Command("SELECT group_id FROM group_members WHERE host_id = $h ORDER BY group_id", ("$h", hostId));
            using var r = cmd.ExecuteReader();
            var list = new List<string>();
            while (r.Read()) list.Add(r.GetString(0));
            return list;
        }
    }

    /// <summary>
    /// Upgrade of a store from before membership history: each member of a group with no recorded change
    /// gets an "added" change at the time it was added (versions in that order), so the history starts
    /// from what the store knew instead of from nothing. Idempotent: a group with any change is left alone.
    /// </summary>
    private void RecordExistingMembers()
    {
        lock (_lock)
        {
            using var tx = _db.BeginTransaction();
            Execute($"""
                INSERT INTO group_membership_changes (group_id, version, host_id, change, changed_at)
                SELECT m.group_id, ROW_NUMBER() OVER (PARTITION BY m.group_id ORDER BY m.added_at, m.host_id), m.host_id, '{Added}', m.added_at
                FROM group_members m
                WHERE NOT EXISTS (SELECT 1 FROM group_membership_changes c WHERE c.group_id = m.group_id)
                """);
            tx.Commit();
        }
    }

    private bool IsLiveGroup(string groupId) =>
        Scalar<long>("SELECT COUNT(*) FROM host_groups WHERE group_id = $g AND deleted_at IS NULL", ("$g", groupId)) == 1;

    private int MembershipVersion(string groupId) =>
        (int)(Scalar<long?>("SELECT MAX(version) FROM group_membership_changes WHERE group_id = $g", ("$g", groupId)) ?? 0);

    private void RecordMembershipChange(string groupId, string hostId, string change, DateTimeOffset at) =>
        Execute("INSERT INTO group_membership_changes (group_id, version, host_id, change, changed_at) VALUES ($g, $v, $h, $c, $at)",
            ("$g", groupId), ("$v", MembershipVersion(groupId) + 1), ("$h", hostId), ("$c", change), ("$at", Iso(at)));
}
