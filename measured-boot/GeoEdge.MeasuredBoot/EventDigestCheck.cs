namespace GeoEdge.MeasuredBoot;

/// <summary>
/// For event types whose digest is defined as a hash of (part of) their data, checks that the data the log
/// shows is the data that was measured. Where the digest is of something the log does not carry (an image,
/// a firmware volume, a file GRUB read), the check is not applicable.
///
/// What is hashed, per type, as the PC Client PFP defines it and as real firmware does it (every log of the
/// shared test data agrees with these rules, except arch-linux event 24, where tpm2_eventlog agrees it is wrong):
/// <list type="bullet">
/// <item>EV_SEPARATOR, EV_ACTION, EV_EFI_ACTION, EV_S_CRTM_VERSION, EV_EFI_VARIABLE_DRIVER_CONFIG,
///   EV_EFI_VARIABLE_BOOT2, EV_EFI_GPT_EVENT(2): the whole data.</item>
/// <item>EV_EFI_VARIABLE_BOOT: the whole UEFI_VARIABLE_DATA or, as EDK2 does it, only its VariableData (then
///   the logged name and GUID are not covered by the digest).</item>
/// <item>EV_EFI_VARIABLE_AUTHORITY: the whole data; shim before 15.3 logged the bare certificate and one byte
///   more than it hashed (go-attestation issue 157), so for that form the data minus its last byte.</item>
/// <item>EV_IPL: systemd-boot's UTF-16 strings, the whole data; GRUB's "grub_cmd: X" / "kernel_cmdline: X" /
///   "grub_kernel_cmdline X" strings, X without its prefix and terminating NUL. Other IPL events (file paths
///   in PCR 9, shim's MokList) hash something else; a GRUB string whose prefix was altered is therefore not
///   checked, and must not be read as a command line either.</item>
/// </list>
/// </summary>
public static class EventDigestCheck
{
    private static readonly byte[][] GrubPrefixes = ["grub_cmd: "u8.ToArray(), "kernel_cmdline: "u8.ToArray(), "grub_kernel_cmdline "u8.ToArray()];

    /// <summary>
    /// False only when the check applies and the data does not hash to the event's digest in
    /// <paramref name="bank"/>. <paramref name="applicable"/> says whether it applied (it does not for other
    /// event types, when the event has no digest in that bank, or when the bank's hash is unavailable).
    /// </summary>
    public static bool DataMatchesDigest(TcgEvent e, TpmHashAlgorithm bank, out bool applicable)
    {
        ArgumentNullException.ThrowIfNull(e);
        applicable = false;
        if (!e.Digests.TryGetValue(bank, out var digest) || !TpmHashAlgorithms.Supported.Contains(bank)) return true;
        var candidates = MeasuredForms(e);
        if (candidates.Count == 0) return true;
        applicable = true;
        foreach (var candidate in candidates)
            if (bank.Hash(candidate).AsSpan().SequenceEqual(digest)) return true;
        return false;
    }

    /// <summary>The byte ranges that firmware in the wild hashes for this event; empty when none is in the log.</summary>
    private static List<byte[]> MeasuredForms(TcgEvent e)
    {
        var data = e.Data;
        switch (e.Type)
        {
            case EventType.Separator:
            case EventType.Action:
            case EventType.EfiAction:
            case EventType.SCrtmVersion:
            case EventType.EfiVariableDriverConfig:
            case EventType.EfiVariableBoot2:
            case EventType.EfiGptEvent:
            case EventType.EfiGptEvent2:
                return [data];
            case EventType.EfiVariableBoot:
                return TryVariable(e, out var boot) ? [data, boot.VariableData] : [data];
            case EventType.EfiVariableAuthority:
                return TryVariable(e, out var authority) && authority.AuthoritySignature() is { Owner: var owner } && owner == Guid.Empty && data.Length > 0
                    ? [data, data[..^1]]
                    : [data];
            case EventType.Ipl:
                return IplForms(data);
            default:
                return [];
        }
    }

    private static List<byte[]> IplForms(byte[] data)
    {
        if (EventText.LooksUtf16(data)) return [data];
        foreach (var prefix in GrubPrefixes)
        {
            if (!data.AsSpan().StartsWith(prefix)) continue;
            var end = data.Length;
            if (end > prefix.Length && data[end - 1] == 0) end--;
            return [data[prefix.Length..end]];
        }
        return [];
    }

    private static bool TryVariable(TcgEvent e, out EfiVariableEvent variable)
    {
        variable = null!;
        try
        {
            variable = EfiVariableEvent.Parse(e.Data, e.Type);
            return true;
        }
        catch (EventLogException)
        {
            return false;
        }
    }
}
