using GeoEdge.Wire.Messages;

namespace GeoEdge.Bridge.Api;

public sealed record HostView(string HostId, string AkName, DateTimeOffset EnrolledAt, ulong? LastSeq, string Composition);

public sealed record VerdictView(long Id, string HostId, ulong? Seq, DateTimeOffset CreatedAt, string EarStatus, string? Geofence,
    string? PolicyId, List<string> Reasons, string Ear, bool? GnssAuthenticated, int? GnssAuthenticatedSatellites, string? LocationGrade,
    long? LogIndex, TimestampEvidence? EarTimestamp);

/// <summary>A view of one version of a policy, whoever owns it (PolicyOwner picks the version a PUT or DELETE made).</summary>
public interface IPolicyVersionView
{
    int Version { get; }
}

public sealed record PolicyView(string HostId, string PolicyId, int Version, DateTimeOffset CreatedAt, string Body) : IPolicyVersionView
{
    /// <summary>True for the version that retired the policy (DELETE); absent otherwise.</summary>
    public bool? Retired { get; init; }

    /// <summary>The group the policy comes from (effective-policies); absent for the host's own.</summary>
    public string? Group { get; init; }
}

public sealed record GroupPolicyView(string GroupId, string PolicyId, int Version, DateTimeOffset CreatedAt, string Body, bool? Retired) : IPolicyVersionView;

public sealed record GroupView(string GroupId, DateTimeOffset CreatedAt, List<string> Hosts);

/// <summary>A group's membership history: its membership version (that of the latest change, 0 for none) and every change, oldest first.</summary>
public sealed record MembershipView(string GroupId, int MembershipVersion, List<MembershipChangeView> Changes, DateTimeOffset? DeletedAt);

/// <summary>One membership change: the membership version it made, the host, "added" or "removed", and when.</summary>
public sealed record MembershipChangeView(int Version, string HostId, string Change, DateTimeOffset At);

public sealed record DeletedGroupView(string GroupId, DateTimeOffset DeletedAt);

public sealed record ReadingArrivalView(ulong Seq, DateTimeOffset ReceivedAt, bool? GnssAuthenticated, int? GnssAuthenticatedSatellites);

public sealed record ErrorView(string Error);

/// <summary>A host's approved composition and, when its readings show another, the one waiting for approval.</summary>
public sealed record CompositionView(GeoEdge.Wire.Messages.HostComposition Approved, PendingCompositionView? Pending);

public sealed record PendingCompositionView(GeoEdge.Wire.Messages.HostComposition Composition, DateTimeOffset FirstSeen, DateTimeOffset LastSeen);

/// <summary>A host's geolocation settings as the operator sets them (PUT) and, read back (GET), its last usable location.</summary>
public sealed record GeolocationView(string? PhoneNumber, double? StationaryToleranceMeters, AnchorView? Anchor, LastLocationView? LastLocation = null);

public sealed record AnchorView(double Latitude, double Longitude);

public sealed record LastLocationView(double Latitude, double Longitude, double RadiusMeters, DateTimeOffset Time);

/// <summary>GET /v1/log/entries/{index}: the entry's bytes and leaf hash, base64.</summary>
public sealed record LogEntryView(long Index, string Entry, string LeafHash, DateTimeOffset AppendedAt);

/// <summary>RFC 9162 PATH(leafIndex, D[0:treeSize]), base64 hashes from the leaf up.</summary>
public sealed record InclusionProofView(long LeafIndex, long TreeSize, List<string> InclusionPath);

/// <summary>RFC 9162 PROOF(first, D[0:second]), base64 hashes.</summary>
public sealed record ConsistencyProofView(long First, long Second, List<string> ConsistencyPath);
