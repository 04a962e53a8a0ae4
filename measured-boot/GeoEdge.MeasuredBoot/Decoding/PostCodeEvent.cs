namespace GeoEdge.MeasuredBoot;

/// <summary>
/// EV_POST_CODE: either a short ASCII label ("ACPI DATA", "SMBIOS", "POST CODE") or, on firmware that logs
/// code this way, a UEFI_PLATFORM_FIRMWARE_BLOB, rendered as "base 0x..., length 0x...".
/// </summary>
public sealed record PostCodeEvent(string Text) : DecodedEvent
{
    public override string Describe() => $"POST code: {Text}";
}
