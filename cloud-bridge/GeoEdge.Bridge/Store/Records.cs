namespace GeoEdge.Bridge.Store;

/// <summary>A host whose AK has been registered.</summary>
public sealed record EnrolledHost(
    string HostId,
    byte[] EkCertificate,
    byte[] EkPublic,
    byte[] AkPublic,
    string AkName,
    string CompositionJson,
    DateTimeOffset EnrolledAt,
    TpmCounters? Last);

/// <summary>The freshness state of the last accepted reading of a host.</summary>
public sealed record TpmCounters(ulong Seq, ulong Clock, uint ResetCount, uint RestartCount);

/// <summary>An enrollment waiting for its credential-activation answer.</summary>
public sealed record PendingChallenge(string ChallengeId, string HostId, byte[] Request, byte[] Secret, string AkName, DateTimeOffset CreatedAt);

/// <summary>A verdict as stored (and served by the HTTP API).</summary>
public sealed record StoredVerdict(
    long Id,
    string HostId,
    ulong? Seq,
    DateTimeOffset CreatedAt,
    string EarStatus,
    string? Geofence,
    string? PolicyId,
    string ReasonsJson,
    string Ear)
{
    /// <summary>The EAR's index in the transparency log; null until it is logged (or for verdicts of older bridges).</summary>
    public long? LogIndex { get; init; }

    /// <summary>
    /// RFC 3161 timestamp token over the log's tree head of <see cref="EarTimestampTreeSize"/> entries, which holds
    /// the EAR at <see cref="LogIndex"/>; null when none was made. Verdicts of bridges before tree-head stamping
    /// have a token over SHA-256 of the EAR itself here and no tree size.
    /// </summary>
    public byte[]? EarTimestamp { get; init; }

    /// <summary>The size of the tree whose head <see cref="EarTimestamp"/> covers.</summary>
    public long? EarTimestampTreeSize { get; init; }

    /// <summary>Whether the fix was OSNMA-authenticated; null when the reading was refused before location was judged.</summary>
    public bool? GnssAuthenticated { get; init; }

    /// <summary>How many satellites had currently authenticated navigation data; null as above.</summary>
    public int? GnssAuthenticatedSatellites { get; init; }

    /// <summary>GL's grade of the composite location (A-F); null when none was made.</summary>
    public string? LocationGrade { get; init; }
}

/// <summary>
/// One version of a geofence policy of a host, or, with <see cref="Group"/> set, of a group the host belongs
/// to (as <see cref="BridgeStore.EffectivePolicies"/> lists them).
/// </summary>
public sealed record StoredPolicy(string HostId, string PolicyId, int Version, string Body, DateTimeOffset CreatedAt)
{
    /// <summary>This version retires the policy: it no longer applies (its body is the last one that did).</summary>
    public bool Retired { get; init; }

    /// <summary>The group whose policy this is; null for the host's own.</summary>
    public string? Group { get; init; }
}

/// <summary>One version of a policy of a group of hosts.</summary>
public sealed record StoredGroupPolicy(string GroupId, string PolicyId, int Version, string Body, DateTimeOffset CreatedAt, bool Retired);

/// <summary>A group of hosts: its policies apply to every member.</summary>
public sealed record HostGroup(string GroupId, DateTimeOffset CreatedAt, IReadOnlyList<string> Members);

/// <summary>One change of a group's membership: the group's membership version it made, the host, "added" or "removed", when.</summary>
public sealed record MembershipChange(int Version, string HostId, string Change, DateTimeOffset At);

/// <summary>
/// A page of a group's membership changes, oldest first, and its membership version: that of its latest change
/// (0 when it never had a member), whatever the page holds. DeletedAt is set once the group was deleted.
/// </summary>
public sealed record MembershipHistory(string GroupId, int Version, IReadOnlyList<MembershipChange> Changes, DateTimeOffset? DeletedAt);

/// <summary>What DELETE of a group found: done, no such live group, or what still holds it (members, live policy ids).</summary>
public sealed record GroupDeletion(bool Deleted, bool Found, IReadOnlyList<string> Members, IReadOnlyList<string> LivePolicies);

/// <summary>A reading the verifier accepted, to be stored exactly once.</summary>
public sealed record AcceptedReading(string HostId, ulong Seq, byte[] Reading, byte[] QuoteAttest, byte[] QuoteSignature, TpmCounters Counters);

/// <summary>
/// When a stored reading arrived (its sequence number and the bridge's clock on acceptance) and
/// whether its fix was judged OSNMA-authenticated (null until its verdict is stored).
/// </summary>
public sealed record StoredReadingArrival(ulong Seq, DateTimeOffset ReceivedAt, bool? GnssAuthenticated = null, int? GnssAuthenticatedSatellites = null);

/// <summary>
/// Where a verdict's EAR went into the transparency log, and the token over the tree head that holds it.
/// <paramref name="PublishedResult"/> is the result message as published, kept for an accepted reading only
/// (<see cref="BridgeStore.PublishedResultFor"/>).
/// </summary>
public sealed record Notarization(long VerdictId, long LogIndex, byte[]? Timestamp, long? TimestampTreeSize, byte[]? PublishedResult = null);
