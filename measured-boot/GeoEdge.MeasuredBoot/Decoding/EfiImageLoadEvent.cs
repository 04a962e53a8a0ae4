namespace GeoEdge.MeasuredBoot;

/// <summary>
/// UEFI_IMAGE_LOAD_EVENT (EV_EFI_BOOT_SERVICES_APPLICATION, _DRIVER, EV_EFI_RUNTIME_SERVICES_DRIVER): where
/// the image was loaded and the device path it came from. The digest is the image's Authenticode hash.
/// </summary>
public sealed record EfiImageLoadEvent(ulong ImageLocation, ulong ImageLength, ulong LinkTimeAddress, string DevicePath) : DecodedEvent
{
    public override string Describe() =>
        $"image at 0x{ImageLocation:x} ({ImageLength} bytes) from {(DevicePath.Length == 0 ? "(no device path)" : DevicePath)}";

    internal static EfiImageLoadEvent Parse(ReadOnlySpan<byte> data)
    {
        var reader = new LogReader(data);
        var location = reader.U64("ImageLocationInMemory");
        var length = reader.U64("ImageLengthInMemory");
        var linkTime = reader.U64("ImageLinkTimeAddress");
        var pathLength = reader.U64("LengthOfDevicePath");
        if (pathLength > (ulong)reader.Remaining)
            throw new EventLogException($"LengthOfDevicePath {pathLength} does not fit the {reader.Remaining} bytes left", reader.Position);
        var path = global::GeoEdge.MeasuredBoot.DevicePath.ToText(reader.Take((int)pathLength, "DevicePath"));
        return new EfiImageLoadEvent(location, length, linkTime, path);
    }
}
