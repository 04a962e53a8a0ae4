namespace GeoEdge.MeasuredBoot;

/// <summary>
/// The kernel command lines a log records: GRUB's "kernel_cmdline: ..." (and older "grub_kernel_cmdline ...")
/// EV_IPL strings in PCR 8, and systemd-boot's / systemd-stub's UTF-16 EV_IPL strings in PCR 8 or 12.
/// </summary>
internal static class KernelCommandLines
{
    private static readonly string[] GrubPrefixes = ["kernel_cmdline: ", "grub_kernel_cmdline "];

    public static IEnumerable<(TcgEvent Event, string CommandLine)> Find(TcgEventLog log)
    {
        foreach (var e in log.Events)
        {
            if (e.Type != EventType.Ipl || e.Pcr is not (8 or 12)) continue;
            if (EventText.LooksUtf16(e.Data))
            {
                if (EventText.TryUtf16(e.Data, out var utf16)) yield return (e, utf16.Trim());
                continue;
            }
            if (e.Pcr != 8 || !EventText.TryAscii(e.Data, out var text)) continue;
            foreach (var prefix in GrubPrefixes)
            {
                if (!text.StartsWith(prefix, StringComparison.Ordinal)) continue;
                yield return (e, text[prefix.Length..]);
                break;
            }
        }
    }
}
