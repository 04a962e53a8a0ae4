using System.Text;
using GeoEdge.MeasuredBoot;

namespace GeoEdge.Cli.EventLog;

/// <summary>The readable report: one line per event, then the replayed PCRs, Secure Boot and any digest mismatch.</summary>
internal static class EventLogText
{
    public static string Write(EventLogSummary summary, bool verbose)
    {
        var log = summary.Log;
        var text = new StringBuilder();
        text.AppendLine($"{log.Format.Name()} event log, {log.Length} bytes, {log.Events.Count} events, banks {string.Join(",", log.Banks.Select(b => b.Name()))}" +
            (log.StartupLocality is { } locality ? $", StartupLocality {locality}" : ""));
        foreach (var (e, decoded) in log.Events.Zip(summary.Decoded))
        {
            var pcr = e.Pcr < 0 ? "  -" : $"{e.Pcr,3}";
            text.AppendLine($"{e.Index,4} PCR{pcr} {e.TypeName,-34} {decoded.Describe()}");
            if (!verbose) continue;
            foreach (var (bank, digest) in e.Digests) text.AppendLine($"{"",13}{bank.Name()}: {Convert.ToHexStringLower(digest)}");
        }
        foreach (var (bank, pcrs) in summary.Pcrs)
        {
            text.AppendLine($"PCRs ({bank.Name()}):");
            foreach (var (pcr, value) in pcrs) text.AppendLine($"  {pcr,2}: {Convert.ToHexStringLower(value)}");
        }
        if (summary.SecureBoot is { } state)
        {
            var enabled = state.Enabled switch { true => "enabled", false => "disabled", null => "unknown" };
            text.AppendLine($"Secure Boot ({summary.SecureBootBank?.Name()}): {enabled}; PK {state.Pk.Count}, KEK {state.Kek.Count}, db {state.Db.Count}, dbx {state.Dbx.Count} entries");
            foreach (var authority in state.Authorities) text.AppendLine($"  authority: {authority.Describe()}");
            foreach (var problem in state.Problems) text.AppendLine($"  problem: {problem}");
        }
        foreach (var (e, banks) in summary.DigestMismatches)
            text.AppendLine($"digest mismatch: {e}: its data does not hash to its {string.Join(",", banks.Select(b => b.Name()))} digest");
        return text.ToString();
    }
}
