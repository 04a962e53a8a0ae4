namespace GeoEdge.Bridge.Api;

public sealed record HostView(string HostId, string AkName, DateTimeOffset EnrolledAt, ulong? LastSeq, string Composition);

public sealed record VerdictView(long Id, string HostId, ulong? Seq, DateTimeOffset CreatedAt, string EarStatus, string? Geofence,
    string? PolicyId, List<string> Reasons, string Ear, bool? GnssAuthenticated, int? GnssAuthenticatedSatellites);

public sealed record PolicyView(string HostId, string PolicyId, int Version, DateTimeOffset CreatedAt, string Body);

public sealed record ReadingArrivalView(ulong Seq, DateTimeOffset ReceivedAt, bool? GnssAuthenticated, int? GnssAuthenticatedSatellites);

public sealed record ErrorView(string Error);
