using System.Buffers.Binary;

namespace GeoEdge.MeasuredBoot;

/// <summary>
/// Interprets an event's data according to its type. The data is whatever the log says, so nothing here
/// trusts it: any structure that does not add up becomes an <see cref="OpaqueEvent"/> naming the problem.
/// Decode never throws on event data.
/// </summary>
public static class EventDecoder
{
    public static DecodedEvent Decode(TcgEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        try
        {
            return DecodeUnchecked(e);
        }
        catch (EventLogException ex)
        {
            return new OpaqueEvent($"malformed {e.TypeName} data: {StripLocation(ex.Message)}");
        }
        catch (FormatException ex)
        {
            return new OpaqueEvent($"malformed {e.TypeName} data: {ex.Message}");
        }
        catch (ArgumentException ex)
        {
            return new OpaqueEvent($"malformed {e.TypeName} data: {ex.Message}");
        }
    }

    private static DecodedEvent DecodeUnchecked(TcgEvent e)
    {
        var data = e.Data;
        switch (e.Type)
        {
            case EventType.NoAction:
                return new NoActionEvent(NoActionKind(data));
            case EventType.Separator:
                return Separator(data);
            case EventType.SCrtmVersion:
                return new ScrtmVersionEvent(ScrtmVersion(data));
            case EventType.PostCode:
            case EventType.PostCode2:
                return new PostCodeEvent(EventText.TryAscii(data, out var label) && data.Length != 16
                    ? label
                    : data.Length == 16 ? $"firmware blob at 0x{BinaryPrimitives.ReadUInt64LittleEndian(data):x}, length 0x{BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(8)):x}"
                    : EventText.Any(data));
            case EventType.Ipl:
                return new IplEvent(IplText(data));
            case EventType.EfiAction:
            case EventType.Action:
                return EventText.TryAscii(data, out var action) ? new EfiActionEvent(action) : new OpaqueEvent($"action that is not ASCII text: {EventText.Hex(data)}");
            case EventType.EfiVariableDriverConfig:
            case EventType.EfiVariableBoot:
            case EventType.EfiVariableBoot2:
            case EventType.EfiVariableAuthority:
                return EfiVariableEvent.Parse(data, e.Type);
            case EventType.EfiBootServicesApplication:
            case EventType.EfiBootServicesDriver:
            case EventType.EfiRuntimeServicesDriver:
                return EfiImageLoadEvent.Parse(data);
            case EventType.EfiPlatformFirmwareBlob:
                return data.Length == 16
                    ? new FirmwareBlobEvent(BinaryPrimitives.ReadUInt64LittleEndian(data), BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(8)))
                    : new OpaqueEvent($"firmware blob of {data.Length} bytes (16 expected)");
            case EventType.EfiPlatformFirmwareBlob2:
                return FirmwareBlob2(data);
            case EventType.EfiGptEvent:
            case EventType.EfiGptEvent2:
                return GptEvent.Parse(data);
            default:
                return new OpaqueEvent(data.Length == 0 ? $"{e.TypeName}, no data" : $"{e.TypeName}: {EventText.Any(data.AsSpan(0, Math.Min(data.Length, 256)))}");
        }
    }

    /// <summary>0 (normal) or 0xFFFFFFFF (error) per the PFP; Windows writes "WBCL" into PCRs 12-14.</summary>
    private static DecodedEvent Separator(ReadOnlySpan<byte> data)
    {
        if (data.Length == 4 && BinaryPrimitives.ReadUInt32LittleEndian(data) is 0 or uint.MaxValue)
            return new SeparatorEvent(data[0] != 0);
        if (data.SequenceEqual("WBCL"u8)) return new SeparatorEvent(false);
        return new OpaqueEvent($"separator with unexpected data {EventText.Hex(data)}");
    }

    private static string NoActionKind(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith("Spec ID Event"u8)) return EventText.TryAscii(data[..Math.Min(15, data.Length)], out var spec) ? spec : "Spec ID Event";
        if (data.StartsWith("StartupLocality\0"u8) && data.Length == 17) return $"StartupLocality {data[16]}";
        if (data.StartsWith("SP800-155 Event"u8)) return "SP800-155 Event";
        if (data.StartsWith("NvIndexInstance"u8)) return "NvIndexInstance";
        if (data.StartsWith("NvIndexDynamic"u8)) return "NvIndexDynamic";
        return "other";
    }

    /// <summary>UTF-16 (EDK2 writes "1.0" that way), else ASCII, else a GUID (some firmware), else hex.</summary>
    private static string ScrtmVersion(ReadOnlySpan<byte> data)
    {
        if (data.IndexOfAnyExcept((byte)0) < 0) return "(empty)";
        if (EventText.LooksUtf16(data) && EventText.TryUtf16(data, out var utf16)) return utf16;
        if (EventText.TryAscii(data, out var ascii)) return ascii;
        if (data.Length == 16) return new Guid(data).ToString();
        return EventText.Hex(data);
    }

    /// <summary>systemd-boot's UTF-16 strings and GRUB's / shim's ASCII strings; anything else in hex.</summary>
    private static string IplText(ReadOnlySpan<byte> data)
    {
        if (EventText.LooksUtf16(data) && EventText.TryUtf16(data, out var utf16)) return utf16;
        if (EventText.TryAscii(data, out var ascii)) return ascii;
        return EventText.Hex(data);
    }

    /// <summary>UEFI_PLATFORM_FIRMWARE_BLOB2: a length-prefixed description, then base and length.</summary>
    private static DecodedEvent FirmwareBlob2(ReadOnlySpan<byte> data)
    {
        var reader = new LogReader(data);
        var descriptionSize = reader.U8("BlobDescriptionSize");
        var description = reader.Take(descriptionSize, "BlobDescription");
        var blob = new FirmwareBlobEvent(reader.U64("BlobBase"), reader.U64("BlobLength"))
        {
            Description = EventText.TryAscii(description, out var text) ? text : EventText.Hex(description),
        };
        return reader.AtEnd ? blob : new OpaqueEvent($"firmware blob with {reader.Remaining} unexpected trailing bytes");
    }

    private static string StripLocation(string message)
    {
        var cut = message.LastIndexOf(" (offset ", StringComparison.Ordinal);
        return cut < 0 ? message : message[..cut];
    }
}
