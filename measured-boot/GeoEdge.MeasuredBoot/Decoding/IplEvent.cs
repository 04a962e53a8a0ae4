namespace GeoEdge.MeasuredBoot;

/// <summary>
/// EV_IPL: what the boot loader measured, as text. GRUB writes ASCII ("grub_cmd: ...", "kernel_cmdline: ...",
/// file paths into PCR 9), systemd-boot writes the kernel command line in UTF-16, shim writes "MokList" etc.
/// </summary>
public sealed record IplEvent(string Text) : DecodedEvent
{
    public override string Describe() => $"IPL: {Text}";
}
