using System.Text.RegularExpressions;

namespace GeoEdge.MeasuredBoot;

public sealed partial record BootPolicy
{
    /// <summary>
    /// A policy that approves exactly what this log shows in <paramref name="bank"/> (a "golden" boot to pin a
    /// host to): its S-CRTM, firmware blobs, boot applications, Secure Boot keys, full dbx, command lines and
    /// replayed PCRs 0-9 and 14. Secure Boot is required when the log shows it enabled.
    /// </summary>
    public static BootPolicy FromLog(TcgEventLog log, TpmHashAlgorithm bank)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (!log.Banks.Contains(bank)) throw new EventLogException($"the log has no {bank.Name()} digests", 0);
        var state = global::GeoEdge.MeasuredBoot.SecureBoot.Read(log, bank);
        var replayed = PcrReplay.ReplayBank(log, bank, log.Events);
        return new BootPolicy
        {
            SecureBoot = state.Enabled == true ? SecureBootRequirement.Required : SecureBootRequirement.Optional,
            Scrtm = NullIfEmpty(Digests(log, bank, BootEvents.IsScrtm)),
            PlatformFirmware = Digests(log, bank, BootEvents.IsPlatformFirmware),
            BootApplications = Digests(log, bank, BootEvents.IsBootApplication),
            Pk = state.Pk.Select(s => s.Fingerprint).Distinct().ToList(),
            Kek = state.Kek.Select(s => s.Fingerprint).Distinct().ToList(),
            Db = state.Db.Select(s => s.Fingerprint).Distinct().ToList(),
            DbxMustContain = state.Dbx.Select(s => s.Fingerprint).Distinct().ToList(),
            KernelCmdline = NullIfEmpty(KernelCommandLines.Find(log).Select(c => Regex.Escape(c.CommandLine)).Distinct().ToList()),
            Pcrs = new Dictionary<TpmHashAlgorithm, IReadOnlyDictionary<int, IReadOnlyList<byte[]>>>
            {
                [bank] = replayed.Where(p => p.Key is <= 9 or 14).ToDictionary(p => p.Key, p => (IReadOnlyList<byte[]>)[p.Value]),
            },
        };
    }

    /// <summary>S-CRTM and command line are expected to be present when listed; a log without them leaves them unchecked.</summary>
    private static List<T>? NullIfEmpty<T>(List<T> list) => list.Count == 0 ? null : list;

    private static List<PolicyDigest> Digests(TcgEventLog log, TpmHashAlgorithm bank, Func<TcgEvent, bool> select) =>
        log.Events.Where(select).Select(e => e.Digests[bank]).DistinctBy(Convert.ToHexStringLower).Select(d => new PolicyDigest(bank, d)).ToList();
}
