using GeoEdge.Bridge.Store;
using GeoEdge.Wire.Readings;

namespace GeoEdge.Bridge.Verification;

/// <summary>
/// What the platform checks concluded about one attested reading. Accepted readings carry what to
/// store; refused ones carry at least one finding and are never stored as readings.
/// </summary>
public sealed record VerificationOutcome(string HostId, Reading? Reading, IReadOnlyList<Finding> Findings, AcceptedReading? Accepted)
{
    /// <summary>
    /// The sequence number the message claimed, even when the reading could not be trusted (so a
    /// refusal can say which reading it refused). Never used for any decision.
    /// </summary>
    public ulong? ClaimedSeq { get; init; }

    public ulong? Seq => Reading?.Seq ?? ClaimedSeq;

    /// <summary>SHA-256 of the reading bytes the message carried, whether or not they were trusted.</summary>
    public byte[]? ReadingDigest { get; init; }

    /// <summary>Findings that do not refuse the reading but keep the platform result below affirming.</summary>
    public IReadOnlyList<Finding> Warnings { get; init; } = [];

    /// <summary>The host as the store had it when the reading was verified (its approved composition is checked next).</summary>
    public EnrolledHost? Host { get; init; }

    /// <summary>The decoded message of an accepted reading (its measurements are appraised next).</summary>
    public GeoEdge.Wire.Messages.AttestedReading? Message { get; init; }

    public bool IsAccepted => Accepted is not null && Findings.Count == 0;

    public static VerificationOutcome Refused(string hostId, Reading? reading, params Finding[] findings) =>
        new(hostId, reading, findings, null);
}
