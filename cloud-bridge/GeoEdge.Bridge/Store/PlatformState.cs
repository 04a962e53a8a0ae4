using GeoEdge.Bridge.Verification;

namespace GeoEdge.Bridge.Store;

/// <summary>
/// What the bridge has verified of one host's current boot, so that each reading only brings what is
/// new: the boot log's appraisal (valid while the quoted PCRs 0-7 stay the same) and how far the IMA
/// list has been replayed and appraised. <see cref="ResetCount"/> ties it to one boot: a TPM reset
/// (reboot) starts afresh.
/// </summary>
public sealed record PlatformState(string HostId, uint ResetCount)
{
    /// <summary>Lower-case hex of the quoted PCRs 0-7 the boot log was verified against; null when none was.</summary>
    public string? BootPcrs { get; init; }

    /// <summary>SHA-256 (hex) of the boot log that was verified.</summary>
    public string? BootLogSha256 { get; init; }

    /// <summary>What the boot log's appraisal found (each keeps the platform below affirming).</summary>
    public IReadOnlyList<AppraisalFinding> BootFindings { get; init; } = [];

    /// <summary>The Secure Boot state the verified log shows (null: not recorded or not known).</summary>
    public bool? SecureBoot { get; init; }

    /// <summary>IMA entries replayed and appraised so far in this boot.</summary>
    public int ImaEntries { get; init; }

    /// <summary>PCR 10 after those entries, in the SHA-1 and SHA-256 banks.</summary>
    public byte[] ImaSha1 { get; init; } = new byte[20];
    public byte[] ImaSha256 { get; init; } = new byte[32];

    /// <summary>An entry for the agent's own executable passed the runtime policy in this boot.</summary>
    public bool AgentMeasured { get; init; }

    /// <summary>
    /// IMA entries of this boot that failed the runtime policy. They stay until the host reboots: what
    /// ran, ran, and no later reading can undo it.
    /// </summary>
    public IReadOnlyList<AppraisalFinding> ImaFailures { get; init; } = [];
}
