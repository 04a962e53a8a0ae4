using GeoEdge.Bridge.Store;
using GeoEdge.Bridge.Verification;

namespace GeoEdge.Bridge.Appraisal;

/// <summary>
/// What the boot log and IMA appraisal concluded about one accepted reading, the host's platform state
/// to store with it, and what to ask the agent for next.
/// </summary>
public sealed record PlatformAppraisal(IReadOnlyList<AppraisalFinding> Findings, PlatformState Next)
{
    /// <summary>No verified boot log matches the quoted PCRs 0-7: the agent should send its log.</summary>
    public bool BootLogWanted { get; init; }

    /// <summary>The IMA entries could not be continued: the agent should send them from this index.</summary>
    public int? ImaResendFrom { get; init; }

    /// <summary>The boot log matched the quote only with the Exit Boot Services events the firmware left out.</summary>
    public bool ExitBootServicesWorkaround { get; init; }

    public bool IsContraindicated => Findings.Any(f => f.Severity == FindingSeverity.Contraindicated);
}
