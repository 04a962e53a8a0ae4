using System.Text;

namespace GeoEdge.MeasuredBoot;

/// <summary>
/// Checks an event log against PCR values a quote vouches for: every quoted PCR must equal the log's replay
/// (PCRs the log never extends must be at their reset value).
///
/// One known firmware quirk is tolerated, exactly as go-attestation does (attest/eventlog_workarounds.go):
/// some UEFI firmware extends the EV_EFI_ACTION strings "Exit Boot Services Invocation" and "Exit Boot Services
/// Returned with Success" (or "... with Failure", or Failure then Success) into PCR 5 after the log was
/// handed over, so they are missing from it. Only when PCR 5's plain replay fails AND the replay with one of
/// those sequences appended matches exactly is PCR 5 accepted, and the result says so.
/// </summary>
public static class EventLogVerification
{
    private const int ExitBootServicesPcr = 5;
    private const string Invocation = "Exit Boot Services Invocation";
    private const string Success = "Exit Boot Services Returned with Success";
    private const string Failure = "Exit Boot Services Returned with Failure";

    private static readonly string[][] MissingEventSequences = [[Invocation, Success], [Invocation, Failure], [Invocation, Failure, Success]];

    /// <summary>
    /// Throws <see cref="ArgumentException"/> when a quoted PCR index is outside 0-23 and
    /// <see cref="EventLogException"/> when the log has no digests in <paramref name="bank"/>.
    /// </summary>
    public static LogVerification Verify(TcgEventLog log, TpmHashAlgorithm bank, IReadOnlyDictionary<int, byte[]> quotedPcrs)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(quotedPcrs);
        if (!log.Banks.Contains(bank)) throw new EventLogException($"the log has no {bank.Name()} digests", 0);
        var replayed = PcrReplay.ReplayBank(log, bank, log.Events);
        var mismatches = new List<PcrMismatch>();
        var workaround = false;
        foreach (var (pcr, quoted) in quotedPcrs.OrderBy(p => p.Key))
        {
            if (pcr is < 0 or > 23) throw new ArgumentException($"PCR index {pcr} is outside 0-23", nameof(quotedPcrs));
            var value = replayed.TryGetValue(pcr, out var extended) ? extended : PcrReplay.InitialValue(log, bank, pcr);
            if (value.AsSpan().SequenceEqual(quoted)) continue;
            if (pcr == ExitBootServicesPcr && MissingExitBootServicesExplains(bank, value, quoted))
            {
                workaround = true;
                continue;
            }
            mismatches.Add(new PcrMismatch(pcr, bank, value, quoted.ToArray(), LastEventExtending(log, pcr)));
        }
        return new LogVerification(mismatches, workaround);
    }

    private static bool MissingExitBootServicesExplains(TpmHashAlgorithm bank, byte[] replayed, byte[] quoted)
    {
        foreach (var sequence in MissingEventSequences)
        {
            var value = replayed;
            foreach (var action in sequence) value = bank.Extend(value, bank.Hash(Encoding.ASCII.GetBytes(action)));
            if (value.AsSpan().SequenceEqual(quoted)) return true;
        }
        return false;
    }

    private static int? LastEventExtending(TcgEventLog log, int pcr)
    {
        for (var i = log.Events.Count - 1; i >= 0; i--)
            if (log.Events[i].Pcr == pcr && log.Events[i].IsExtended) return log.Events[i].Index;
        return null;
    }
}
