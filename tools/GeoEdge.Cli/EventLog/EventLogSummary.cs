using GeoEdge.MeasuredBoot;

namespace GeoEdge.Cli.EventLog;

/// <summary>Everything the eventlog command reports, computed once for both the text and the JSON form.</summary>
internal sealed record EventLogSummary(
    TcgEventLog Log,
    IReadOnlyDictionary<TpmHashAlgorithm, IReadOnlyDictionary<int, byte[]>> Pcrs,
    IReadOnlyList<DecodedEvent> Decoded,
    TpmHashAlgorithm? SecureBootBank,
    SecureBootState? SecureBoot,
    IReadOnlyList<(TcgEvent Event, IReadOnlyList<TpmHashAlgorithm> Banks)> DigestMismatches)
{
    public static EventLogSummary Of(TcgEventLog log)
    {
        var pcrs = PcrReplay.Replay(log);
        // Secure Boot is read in the strongest bank the log has that this platform can hash.
        TpmHashAlgorithm? bank = log.Banks.Where(TpmHashAlgorithms.Supported.Contains).OrderByDescending(b => b.DigestSize()).Cast<TpmHashAlgorithm?>().FirstOrDefault();
        var mismatches = log.Events
            .Select(e => (Event: e, Banks: (IReadOnlyList<TpmHashAlgorithm>)log.Banks.Where(b => !EventDigestCheck.DataMatchesDigest(e, b, out _)).ToList()))
            .Where(m => m.Banks.Count > 0)
            .ToList();
        return new EventLogSummary(log, pcrs, log.Events.Select(EventDecoder.Decode).ToList(), bank,
            bank is { } b ? MeasuredBoot.SecureBoot.Read(log, b) : null, mismatches);
    }
}
