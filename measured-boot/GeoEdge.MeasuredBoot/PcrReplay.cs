namespace GeoEdge.MeasuredBoot;

/// <summary>
/// Replays an event log: starting from each PCR's reset value, extends every event's digest into its
/// PCR, bank by bank. EV_NO_ACTION events are never extended. PCR 0 starts at the StartupLocality
/// (0...0L) when the log records one (PC Client PFP, section 10.4.5.3).
/// </summary>
public static class PcrReplay
{
    /// <summary>Bank -> PCR -> value, for each bank of the log and each PCR the log extends.</summary>
    public static IReadOnlyDictionary<TpmHashAlgorithm, IReadOnlyDictionary<int, byte[]>> Replay(TcgEventLog log)
    {
        var result = new Dictionary<TpmHashAlgorithm, IReadOnlyDictionary<int, byte[]>>();
        foreach (var bank in log.Banks)
        {
            if (!TpmHashAlgorithms.Supported.Contains(bank)) continue;
            result[bank] = ReplayBank(log, bank, log.Events);
        }
        return result;
    }

    /// <summary>One bank, over the given events only (in order).</summary>
    public static IReadOnlyDictionary<int, byte[]> ReplayBank(TcgEventLog log, TpmHashAlgorithm bank, IEnumerable<TcgEvent> events)
    {
        var pcrs = new SortedDictionary<int, byte[]>();
        foreach (var e in events)
        {
            if (!e.IsExtended) continue;
            if (!e.Digests.TryGetValue(bank, out var digest))
                throw new EventLogException($"{e} has no {bank.Name()} digest", e.Offset, e.Index);
            var current = pcrs.TryGetValue(e.Pcr, out var value) ? value : InitialValue(log, bank, e.Pcr);
            pcrs[e.Pcr] = bank.Extend(current, digest);
        }
        return pcrs;
    }

    /// <summary>
    /// A PCR's value after TPM2_Startup: zero, except PCR 0 when the log records a StartupLocality and
    /// PCRs 17-22 (DRTM), which start at all ones until a dynamic launch resets them.
    /// </summary>
    public static byte[] InitialValue(TcgEventLog log, TpmHashAlgorithm bank, int pcr)
    {
        var value = new byte[bank.DigestSize()];
        if (pcr == 0 && log.StartupLocality is { } locality) value[^1] = locality;
        else if (pcr is >= 17 and <= 22) Array.Fill(value, (byte)0xff);
        return value;
    }
}
