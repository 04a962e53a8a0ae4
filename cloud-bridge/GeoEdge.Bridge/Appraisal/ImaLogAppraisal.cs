using GeoEdge.Bridge.Store;
using GeoEdge.Bridge.Verification;
using GeoEdge.Ima;

namespace GeoEdge.Bridge.Appraisal;

/// <summary>
/// The IMA half of the platform appraisal, incremental: the state holds how many entries of this boot
/// were replayed and appraised and PCR 10 after them, so each reading brings and costs only its new
/// entries. Entries continue where the state stopped (or start again at 0); anything else is a gap the
/// agent is asked to fill. Failures stay until the host reboots.
/// </summary>
internal static class ImaLogAppraisal
{
    public const int ImaPcr = 10;

    /// <summary>At most this many failing entries are remembered and reported; the first ones matter most.</summary>
    public const int MaxRememberedFailures = 20;

    public sealed record Result(PlatformState State, IReadOnlyList<AppraisalFinding> Findings, int? ResendFrom);

    public static Result Appraise(int? start, byte[]? entries, IReadOnlyDictionary<int, byte[]> quoted, PlatformState state, PlatformPolicies policies)
    {
        if (!quoted.TryGetValue(ImaPcr, out var pcr10))
            return new Result(state, [AppraisalFinding.Contra(FindingCodes.ImaReplayMismatch, "the quote does not cover PCR 10")], null);

        var findings = new List<AppraisalFinding>();
        if (policies.Runtime is null)
            findings.Add(AppraisalFinding.Warn(FindingCodes.ImaPolicyMissing, "no IMA runtime policy is configured (Bridge:Ima:RuntimePolicyFile): the entries replay to PCR 10 but cannot be approved"));

        var (next, resendFrom) = entries is null
            ? (state, NothingNew(state, pcr10, findings))
            : Continue(start, entries, pcr10, quoted, state, policies, findings);

        findings.AddRange(next.ImaFailures);
        if (resendFrom is null && !string.IsNullOrEmpty(policies.AgentExecutable) && !next.AgentMeasured)
            findings.Add(AppraisalFinding.Contra(FindingCodes.AgentNotMeasured,
                $"no IMA entry of this boot shows the agent's executable {policies.AgentExecutable} with a digest the runtime policy approves"));
        return new Result(next, findings, resendFrom);
    }

    /// <summary>No entries came: PCR 10 must not have moved since the last appraised entry.</summary>
    private static int? NothingNew(PlatformState state, byte[] pcr10, List<AppraisalFinding> findings)
    {
        if (pcr10.AsSpan().SequenceEqual(state.ImaSha256)) return null;
        findings.Add(AppraisalFinding.Warn(FindingCodes.ImaEntriesMissing,
            $"PCR 10 moved past the {state.ImaEntries} IMA entries appraised so far but the reading brought none; the agent is asked for them"));
        return state.ImaEntries;
    }

    private static (PlatformState, int?) Continue(int? start, byte[] bytes, byte[] pcr10, IReadOnlyDictionary<int, byte[]> quoted,
        PlatformState state, PlatformPolicies policies, List<AppraisalFinding> findings)
    {
        if (start is not { } first || (first != 0 && first != state.ImaEntries))
        {
            findings.Add(AppraisalFinding.Warn(FindingCodes.ImaEntriesMissing,
                $"the IMA entries start at {start?.ToString() ?? "no index"} but {state.ImaEntries} were appraised in this boot; the agent is asked to continue from there"));
            return (state, state.ImaEntries);
        }

        IReadOnlyList<ImaEntry> entries;
        try
        {
            entries = ImaList.ParseBinary(bytes, firstIndex: first);
        }
        catch (ImaFormatException e)
        {
            findings.Add(AppraisalFinding.Contra(FindingCodes.ImaListMalformed, $"the IMA entries from {first} cannot be read: {e.Message}"));
            return (state, null);
        }

        // Starting again at 0 re-appraises the whole boot (an agent restart); failures are found again.
        var baseline = first == 0 ? state with { ImaEntries = 0, ImaSha1 = new byte[20], ImaSha256 = new byte[32], AgentMeasured = false, ImaFailures = [] } : state;
        var appraiser = new ImaAppraiser(policies.Runtime, policies.Keys);
        var result = ImaIncrementalAppraisal.Appraise(new ImaPcrState(baseline.ImaEntries, baseline.ImaSha1, baseline.ImaSha256), entries, "sha256", pcr10, appraiser,
            quoted.Where(p => p.Key <= BootLogAppraisal.LastBootPcr).ToDictionary(p => p.Key, p => p.Value));
        if (result.ReplayError is not null)
        {
            findings.Add(AppraisalFinding.Contra(FindingCodes.ImaReplayMismatch, result.ReplayError));
            return (baseline, null);
        }

        var accepted = entries.Take(result.Accepted).ToList();
        var failed = result.Failures.Select(f => AppraisalFinding.Contra($"ima-{f.Code.Replace("ima-", "", StringComparison.Ordinal)}",
            $"IMA entry {f.Entry.Index} {f.Entry.Path} ({f.Entry.TemplateName}, {f.Entry.FileDigest}): {f.Detail}"));
        var agentSeen = accepted.Any(e => e.Path == policies.AgentExecutable && result.Failures.All(f => f.Entry.Index != e.Index));
        var next = baseline with
        {
            ImaEntries = result.Next.Entries,
            ImaSha1 = result.Next.Sha1,
            ImaSha256 = result.Next.Sha256,
            AgentMeasured = baseline.AgentMeasured || (policies.Runtime is not null && agentSeen),
            ImaFailures = [.. baseline.ImaFailures.Concat(failed).Take(MaxRememberedFailures)],
        };
        return (next, null);
    }
}
