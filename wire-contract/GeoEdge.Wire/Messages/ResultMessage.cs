namespace GeoEdge.Wire.Messages;

/// <summary>
/// Bridge -> agent after each reading: the signed EAR and, for logs and dashboards, a plain summary of
/// it. Only the EAR is authoritative; the summary is a convenience copy of its claims.
/// </summary>
public sealed record ResultMessage
{
    public required string HostId { get; init; }
    public required ulong Seq { get; init; }

    /// <summary>
    /// SHA-256 of the reading bytes this result judged (null when the message held none). The agent
    /// keeps a reading until a result with its digest comes back: a forged copy has another digest.
    /// </summary>
    public byte[]? ReadingDigest { get; init; }

    /// <summary>The EAR as a compact ES256 JWT.</summary>
    public required string Ear { get; init; }

    public required string EarStatus { get; init; }

    /// <summary>inside | outside | indeterminate, or null when the reading was refused before geofencing.</summary>
    public string? Geofence { get; init; }

    public string? PolicyId { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public double? UncertaintyMeters { get; init; }

    /// <summary>The Geolocation service's grade of the composite location (A best ... F unusable); omitted when none was made.</summary>
    public string? LocationGrade { get; init; }

    /// <summary>Every finding that made the result less than affirming: "code: detail".</summary>
    public required IReadOnlyList<string> Reasons { get; init; }

    /// <summary>
    /// True when the bridge holds no verified boot log matching the quoted PCRs 0-7: send it with the
    /// next reading. Null (omitted) otherwise, so agents that predate it still accept the message.
    /// </summary>
    public bool? BootLogWanted { get; init; }

    /// <summary>
    /// The bridge could not continue the host's IMA list where this reading's entries began: send the
    /// entries from this index on (0: the whole list) with the next reading. Omitted otherwise.
    /// </summary>
    public int? ImaResendFrom { get; init; }

    /// <summary>
    /// The EAR's index in the bridge's transparency log (RFC 9162): its inclusion proof is at POST /v1/log/proof.
    /// Omitted by bridges without a log.
    /// </summary>
    public long? LogIndex { get; init; }

    /// <summary>
    /// RFC 3161 trusted time for the EAR: a token over a log tree head that holds it, and the EAR's path into
    /// that tree. Omitted when the bridge has no TSA configured or the TSA did not answer (the bridge logs why).
    /// </summary>
    public TimestampEvidence? EarTimestamp { get; init; }
}
