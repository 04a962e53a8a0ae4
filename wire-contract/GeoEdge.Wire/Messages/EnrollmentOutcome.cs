namespace GeoEdge.Wire.Messages;

/// <summary>Bridge -> agent: whether the AK is now registered, and if not, why.</summary>
public sealed record EnrollmentOutcome
{
    public required string HostId { get; init; }
    public required bool Enrolled { get; init; }

    /// <summary>Hex TPM name of the AK the bridge registered or refused.</summary>
    public string? AkName { get; init; }

    /// <summary>Why the enrollment was refused: a stable code, then a colon and the detail.</summary>
    public string? Reason { get; init; }
}
