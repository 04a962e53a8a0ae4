namespace GeoEdge.Ima;

/// <summary>
/// Appraises only what is new since the last cycle, as Keylime's incremental attestation does: the verifier keeps the
/// PCR 10 state after the entries it accepted, the host sends the entries after that, and the quote says how many of
/// them the TPM has seen. The kernel appends to the list before it extends the PCR, so the quote may lag: entries past
/// the prefix that reaches the quoted value wait for the next cycle.
/// </summary>
public static class ImaIncrementalAppraisal
{
    /// <param name="from">The state after the entries accepted so far (<see cref="ImaPcrState.Initial"/> at first).</param>
    /// <param name="newEntries">The entries from index <c>from.Entries</c> on, in order.</param>
    /// <param name="bank">"sha1" or "sha256": the bank of <paramref name="quotedPcr10"/> (and of <paramref name="bootPcrs"/>).</param>
    /// <param name="appraiser">Use the same appraiser for every cycle of a host's boot: it carries keys learned from keyrings.</param>
    /// <param name="bootPcrs">
    /// Quoted PCRs 0-9 of the bank; when given and this is the first cycle (<c>from.Entries == 0</c>), the first entry must be
    /// a boot_aggregate matching them, or one the policy lists (Keylime accepts the policy's and the computed ones).
    /// </param>
    public static ImaIncrementalResult Appraise(ImaPcrState from, IReadOnlyList<ImaEntry> newEntries, string bank,
        ReadOnlySpan<byte> quotedPcr10, ImaAppraiser appraiser, IReadOnlyDictionary<int, byte[]>? bootPcrs)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(newEntries);
        ArgumentNullException.ThrowIfNull(appraiser);
        _ = from.Bank(bank);
        for (var i = 0; i < newEntries.Count; i++)
            if (newEntries[i].Index != from.Entries + i)
                return Refused(from, $"new entry {i} has index {newEntries[i].Index}, expected {from.Entries + i}: the list does not continue where the last cycle stopped");

        var (matched, state) = ImaReplay.Scan(from, newEntries, bank, quotedPcr10);
        if (matched is not { } accepted)
            return Refused(from, $"quoted PCR 10 ({bank}) {Convert.ToHexStringLower(quotedPcr10)} is reached by no prefix of the {newEntries.Count} new entries: " +
                $"replay gives {Convert.ToHexStringLower(from.Bank(bank))} before them and {Convert.ToHexStringLower(state.Bank(bank))} after all of them");

        var failures = new List<ImaEntryVerdict>();
        for (var i = 0; i < accepted; i++)
        {
            var verdict = appraiser.Appraise(newEntries[i]);
            if (i == 0 && from.Entries == 0 && bootPcrs is not null) verdict = WithBootAggregate(verdict, bank, bootPcrs, appraiser);
            if (!verdict.Passed) failures.Add(verdict);
        }
        return new ImaIncrementalResult(state, accepted, failures, null);
    }

    private static ImaEntryVerdict WithBootAggregate(ImaEntryVerdict verdict, string bank, IReadOnlyDictionary<int, byte[]> pcrs, ImaAppraiser appraiser)
    {
        if (!verdict.Passed && verdict.Code is ImaFindingCodes.TemplateHashMismatch or ImaFindingCodes.WrongPcr) return verdict;
        if (BootAggregate.Matches(verdict.Entry, bank, pcrs, out var detail))
            return verdict with { Passed = true, Code = ImaFindingCodes.Ok, Detail = detail };
        // A boot_aggregate the policy itself lists is accepted, as Keylime merges both lists.
        var listed = appraiser.Policy is not null && verdict.Passed && verdict.Code == ImaFindingCodes.Ok && verdict.Entry.Path == BootAggregate.Name;
        return listed ? verdict : verdict with { Passed = false, Code = ImaFindingCodes.BootAggregateMismatch, Detail = detail };
    }

    private static ImaIncrementalResult Refused(ImaPcrState from, string error) => new(from, 0, [], error);
}
