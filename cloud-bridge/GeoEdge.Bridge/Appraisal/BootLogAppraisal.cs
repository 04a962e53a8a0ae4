using System.Security.Cryptography;
using GeoEdge.Bridge.Store;
using GeoEdge.Bridge.Verification;
using GeoEdge.MeasuredBoot;

namespace GeoEdge.Bridge.Appraisal;

/// <summary>
/// The boot half of the platform appraisal. A log that comes with the reading is replayed against the
/// quoted PCRs 0-7 (every mismatch names the PCR and the last event that extended it) and appraised
/// against the reference values; the result is kept for as long as the quoted PCRs 0-7 stay the same,
/// so the log only travels again when the host rebooted into something else or the bridge lost it.
/// </summary>
internal static class BootLogAppraisal
{
    public const int LastBootPcr = 7;

    public sealed record Result(PlatformState State, IReadOnlyList<AppraisalFinding> Findings, bool LogWanted, bool Workaround);

    public static Result Appraise(byte[]? log, IReadOnlyDictionary<int, byte[]> quoted, TpmHashAlgorithm bank, PlatformState state, BootPolicy? policy)
    {
        var bootPcrs = BootPcrsHex(quoted);
        if (log is null)
        {
            if (state.BootPcrs == bootPcrs) return new Result(state, state.BootFindings, false, false);
            return new Result(state with { BootPcrs = null, BootFindings = [], SecureBoot = null },
                [AppraisalFinding.Warn(FindingCodes.BootLogMissing, "no verified boot event log matches the quoted PCRs 0-7; the agent is asked to send it")],
                true, false);
        }

        var logged = state with { BootLogSha256 = Convert.ToHexStringLower(SHA256.HashData(log)), BootPcrs = bootPcrs };
        TcgEventLog parsed;
        try
        {
            parsed = TcgEventLog.Parse(log);
        }
        catch (EventLogException e)
        {
            return Refuse(logged, AppraisalFinding.Contra(FindingCodes.BootLogMalformed, $"the boot event log cannot be read: {e.Message}"));
        }

        var quotedBoot = quoted.Where(p => p.Key <= LastBootPcr).ToDictionary(p => p.Key, p => p.Value);
        var verification = EventLogVerification.Verify(parsed, bank, quotedBoot);
        if (!verification.Matches)
        {
            // The log is not this boot's; what the policy says of its events helps name the one that was altered.
            var named = policy is null ? [] : BootAppraiser.Appraise(parsed, bank, policy).Select(ToFinding);
            return Refuse(logged, [.. verification.Mismatches.Select(m => AppraisalFinding.Contra(FindingCodes.BootLogMismatch, Describe(parsed, m))), .. named]);
        }

        var secureBoot = SecureBoot.Read(parsed, bank);
        var findings = policy is null
            ? [AppraisalFinding.Warn(FindingCodes.BootPolicyMissing, "no measured-boot reference values are configured (Bridge:MeasuredBoot:ReferenceFile): the boot log replays to the quote but its components cannot be approved")]
            : BootAppraiser.Appraise(parsed, bank, policy).Select(ToFinding).ToList();
        return new Result(logged with { BootFindings = findings, SecureBoot = secureBoot.Enabled }, findings, false, verification.ExitBootServicesWorkaround);
    }

    /// <summary>A log that contradicts the quote or cannot be read is remembered as such for this boot's PCRs.</summary>
    private static Result Refuse(PlatformState state, params AppraisalFinding[] findings) =>
        new(state with { BootFindings = findings, SecureBoot = null }, findings, false, false);

    private static AppraisalFinding ToFinding(BootFinding f)
    {
        var code = f.Code.StartsWith("boot-", StringComparison.Ordinal) || f.Code.StartsWith("secure-boot", StringComparison.Ordinal) ? f.Code : $"boot-{f.Code}";
        // Not knowing the Secure Boot state is a gap in the evidence; everything else is the policy refusing what the log shows.
        return f.Code == "secure-boot-unknown" ? AppraisalFinding.Warn(code, f.Detail) : AppraisalFinding.Contra(code, f.Detail);
    }

    private static string Describe(TcgEventLog log, PcrMismatch m)
    {
        var last = m.LastEventIndex is { } index ? $"; the last event extending it is {log.Events[index]}" : "; the log has no event for it";
        return $"PCR {m.Pcr} ({m.Bank.Name()}) replays to {Convert.ToHexStringLower(m.Replayed)} but the quote has {Convert.ToHexStringLower(m.Quoted)}{last}";
    }

    private static string BootPcrsHex(IReadOnlyDictionary<int, byte[]> quoted) =>
        string.Join(',', Enumerable.Range(0, LastBootPcr + 1).Select(i => quoted.TryGetValue(i, out var v) ? Convert.ToHexStringLower(v) : "-"));
}
