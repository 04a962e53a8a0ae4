using System.Text.RegularExpressions;

namespace GeoEdge.MeasuredBoot;

/// <summary>
/// Appraises a (verified) event log against a <see cref="BootPolicy"/> in one bank. Digest-based checks use
/// the event digests the quote vouches for; checks that read event data (Secure Boot variables, kernel
/// command lines) use it only when it hashes to its digest, and otherwise report event-data-mismatch.
/// The log should first have been checked against the quote with <see cref="EventLogVerification"/>.
/// </summary>
public static class BootAppraiser
{
    public static IReadOnlyList<BootFinding> Appraise(TcgEventLog log, TpmHashAlgorithm bank, BootPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(policy);
        if (!log.Banks.Contains(bank)) throw new EventLogException($"the log has no {bank.Name()} digests", 0);
        var findings = new List<BootFinding>();
        var needsSecureBoot = policy.SecureBoot == SecureBootRequirement.Required || policy.Pk is not null || policy.Kek is not null
            || policy.Db is not null || policy.DbxMustContain is not null;
        if (needsSecureBoot) AppraiseSecureBoot(log, bank, policy, findings);
        AppraiseDigests(log, bank, policy.Scrtm, BootEvents.IsScrtm, BootFindingCodes.UnapprovedScrtm, "S-CRTM", findings, requireOne: true);
        AppraiseDigests(log, bank, policy.PlatformFirmware, BootEvents.IsPlatformFirmware, BootFindingCodes.UnapprovedFirmware, "platform firmware", findings, requireOne: false);
        AppraiseDigests(log, bank, policy.BootApplications, BootEvents.IsBootApplication, BootFindingCodes.UnapprovedBootApplication, "boot application", findings, requireOne: false);
        if (policy.KernelCmdline is not null) AppraiseKernelCmdline(log, bank, policy.KernelCmdlinePatterns, findings);
        if (policy.Pcrs is not null && policy.Pcrs.TryGetValue(bank, out var golden)) AppraisePcrs(log, bank, golden, findings);
        return findings;
    }

    private static void AppraiseSecureBoot(TcgEventLog log, TpmHashAlgorithm bank, BootPolicy policy, List<BootFinding> findings)
    {
        var state = SecureBoot.Read(log, bank);
        foreach (var index in state.ForgedEvents)
        {
            var e = log.Events[index];
            findings.Add(new BootFinding(BootFindingCodes.EventDataMismatch,
                $"{e}: the logged data does not hash to its {bank.Name()} digest, so the Secure Boot configuration it claims is not used", index, e.Pcr));
        }
        if (policy.SecureBoot == SecureBootRequirement.Required)
        {
            // The event the verdict rests on: the SecureBoot variable read, else the forged one that was refused.
            var variable = state.VariableEvents.TryGetValue("SecureBoot", out var i) ? log.Events[i]
                : state.ForgedEvents.Select(f => log.Events[f]).FirstOrDefault(f => EventDecoder.Decode(f) is EfiVariableEvent { Name: "SecureBoot" });
            if (state.Enabled == false)
                findings.Add(new BootFinding(BootFindingCodes.SecureBootDisabled,
                    $"{variable}: SecureBoot is {Convert.ToHexStringLower(((EfiVariableEvent)EventDecoder.Decode(variable!)).VariableData) switch { "" => "empty", var v => v }}, the policy requires 01 (enabled)", variable?.Index, 7));
            else if (state.Enabled is null)
                findings.Add(new BootFinding(BootFindingCodes.SecureBootUnknown,
                    $"PCR 7 has no trustworthy SecureBoot variable ({(state.Problems.Count == 0 ? "none is measured" : string.Join("; ", state.Problems))}), the policy requires Secure Boot enabled", variable?.Index, 7));
        }
        AppraiseKeys(log, state, "PK", state.Pk, policy.Pk, findings);
        AppraiseKeys(log, state, "KEK", state.Kek, policy.Kek, findings);
        AppraiseKeys(log, state, "db", state.Db, policy.Db, findings);
        if (policy.DbxMustContain is { } required) AppraiseDbx(log, state, required, findings);
    }

    private static void AppraiseKeys(TcgEventLog log, SecureBootState state, string variable, IReadOnlyList<EfiSignature> found, IReadOnlyList<string>? approved, List<BootFinding> findings)
    {
        if (approved is null) return;
        var e = state.VariableEvents.TryGetValue(variable, out var index) ? log.Events[index] : null;
        foreach (var signature in found)
        {
            if (IsListed(signature, approved)) continue;
            findings.Add(new BootFinding(BootFindingCodes.UnapprovedSecureBootKey,
                $"{e}: {variable} holds {signature.Describe()} (sha256 {signature.Fingerprint}), which is not among the {approved.Count} approved {variable} entries",
                e?.Index, 7));
        }
    }

    private static void AppraiseDbx(TcgEventLog log, SecureBootState state, IReadOnlyList<string> required, List<BootFinding> findings)
    {
        var e = state.VariableEvents.TryGetValue("dbx", out var index) ? log.Events[index] : null;
        var missing = required.Where(r => !state.Dbx.Any(s => IsListed(s, [r]))).ToList();
        if (missing.Count == 0) return;
        findings.Add(new BootFinding(BootFindingCodes.DbxOutdated,
            $"{(e is null ? "PCR 7 has no dbx variable" : $"{e}: dbx has {state.Dbx.Count} entries")} but lacks {missing.Count} of the {required.Count} the policy requires, e.g. {string.Join(", ", missing.Take(3))}",
            e?.Index, 7));
    }

    /// <summary>A key matches its entry by the SHA-256 of its data; a hash entry also by its own value.</summary>
    private static bool IsListed(EfiSignature signature, IReadOnlyList<string> approved) =>
        approved.Contains(signature.Fingerprint) || (signature.IsSha256 && approved.Contains(Convert.ToHexStringLower(signature.Data)));

    private static void AppraiseDigests(TcgEventLog log, TpmHashAlgorithm bank, IReadOnlyList<PolicyDigest>? approved, Func<TcgEvent, bool> select,
        string code, string what, List<BootFinding> findings, bool requireOne)
    {
        if (approved is null) return;
        var inBank = approved.Where(a => a.Algorithm == bank).ToList();
        var expected = inBank.Count == 0 ? $"the policy lists no {bank.Name()} {what} digests" : $"approved: {string.Join(", ", inBank.Take(4))}{(inBank.Count > 4 ? $" and {inBank.Count - 4} more" : "")}";
        var seen = false;
        foreach (var e in log.Events.Where(select))
        {
            seen = true;
            var digest = e.Digests[bank];
            if (inBank.Any(a => a.Matches(bank, digest))) continue;
            findings.Add(new BootFinding(code, $"{e}: {what} digest {bank.Name()}:{Convert.ToHexStringLower(digest)} is not approved ({expected})", e.Index, e.Pcr));
        }
        if (requireOne && !seen)
            findings.Add(new BootFinding(code, $"the log has no {what} event, the policy expects one ({expected})", null, 0));
    }

    private static void AppraiseKernelCmdline(TcgEventLog log, TpmHashAlgorithm bank, IReadOnlyList<Regex> patterns, List<BootFinding> findings)
    {
        var seen = false;
        foreach (var (e, commandLine) in KernelCommandLines.Find(log))
        {
            seen = true;
            if (!EventDigestCheck.DataMatchesDigest(e, bank, out _))
            {
                findings.Add(new BootFinding(BootFindingCodes.EventDataMismatch,
                    $"{e}: the logged kernel command line does not hash to its {bank.Name()} digest, so what was booted with is unknown", e.Index, e.Pcr));
                continue;
            }
            if (patterns.Any(p => Matches(p, commandLine))) continue;
            findings.Add(new BootFinding(BootFindingCodes.UnapprovedKernelCmdline,
                $"{e}: kernel command line \"{commandLine}\" matches none of the {patterns.Count} approved patterns", e.Index, e.Pcr));
        }
        if (!seen)
            findings.Add(new BootFinding(BootFindingCodes.UnapprovedKernelCmdline, "the log records no kernel command line, the policy expects one", null, 8));
    }

    /// <summary>A pattern that runs past its timeout on this input counts as not matching.</summary>
    private static bool Matches(Regex pattern, string input)
    {
        try
        {
            return pattern.IsMatch(input);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static void AppraisePcrs(TcgEventLog log, TpmHashAlgorithm bank, IReadOnlyDictionary<int, IReadOnlyList<byte[]>> golden, List<BootFinding> findings)
    {
        var replayed = PcrReplay.ReplayBank(log, bank, log.Events);
        foreach (var (pcr, values) in golden)
        {
            var value = replayed.TryGetValue(pcr, out var v) ? v : PcrReplay.InitialValue(log, bank, pcr);
            if (values.Any(g => g.AsSpan().SequenceEqual(value))) continue;
            var last = log.Events.LastOrDefault(e => e.Pcr == pcr && e.IsExtended);
            findings.Add(new BootFinding(BootFindingCodes.PcrNotGolden,
                $"PCR {pcr} ({bank.Name()}) replays to {Convert.ToHexStringLower(value)}{(last is null ? " (never extended)" : $", last extended by {last}")}, not one of the {values.Count} golden values ({string.Join(", ", values.Take(2).Select(Convert.ToHexStringLower))}{(values.Count > 2 ? ", ..." : "")})",
                last?.Index, pcr));
        }
    }
}
