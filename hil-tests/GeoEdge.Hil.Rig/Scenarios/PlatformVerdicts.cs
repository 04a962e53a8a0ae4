using GeoEdge.Wire.Messages;

namespace GeoEdge.Hil.Rig.Scenarios;

/// <summary>How the rig's tests and demo phases read the platform half of a verdict.</summary>
public static class PlatformVerdicts
{
    /// <summary>Finding codes of the boot-log and IMA appraisal all begin with one of these.</summary>
    private static readonly string[] PlatformPrefixes = ["boot-", "secure-boot", "ima-", "agent-not-measured"];

    /// <summary>The reasons the platform appraisal gave (empty for a host running what its policies approve).</summary>
    public static IReadOnlyList<string> PlatformReasons(this ResultMessage r) =>
        [.. r.Reasons.Where(reason => PlatformPrefixes.Any(p => reason.StartsWith(p, StringComparison.Ordinal)))];

    /// <summary>The boot log contradicts the quote, and a reason names the altered event.</summary>
    public static bool IsTamperedBoot(this ResultMessage r, int eventIndex) =>
        r.EarStatus == "contraindicated" && r.Has("boot-log-mismatch")
        && r.Reasons.Any(reason => reason.StartsWith("boot-", StringComparison.Ordinal) && reason.Contains($"event {eventIndex} ", StringComparison.Ordinal));

    /// <summary>An IMA entry for <paramref name="path"/> failed the runtime policy.</summary>
    public static bool IsUnapprovedBinary(this ResultMessage r, string path) =>
        r.EarStatus == "contraindicated"
        && r.Reasons.Any(reason => reason.StartsWith("ima-", StringComparison.Ordinal) && reason.Contains(path, StringComparison.Ordinal));
}
