namespace GeoEdge.MeasuredBoot;

/// <summary>
/// EV_EFI_PLATFORM_FIRMWARE_BLOB (UEFI_PLATFORM_FIRMWARE_BLOB: base and length of a firmware volume) or
/// EV_EFI_PLATFORM_FIRMWARE_BLOB2, which adds a description.
/// </summary>
public sealed record FirmwareBlobEvent(ulong Base, ulong Length) : DecodedEvent
{
    /// <summary>The BLOB2 description, when the event has one.</summary>
    public string? Description { get; init; }

    public override string Describe() =>
        $"firmware blob {(Description is null ? "" : Description + " ")}at 0x{Base:x}, length 0x{Length:x}";
}
