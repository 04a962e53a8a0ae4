using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace GeoEdge.MeasuredBoot;

/// <summary>
/// Renders a UEFI device path (EFI_DEVICE_PATH_PROTOCOL nodes, UEFI 2.10 section 10.3) in the spec's text
/// form, e.g. <c>PciRoot(0x0)/Pci(0x1,0x1)/HD(1,GPT,...,0x800,0x100000)/\EFI\BOOT\BOOTX64.EFI</c>. Nodes it
/// does not know come out as <c>Path(type,subtype,hex)</c>. Never throws: a node whose length is below the
/// 4-byte header or beyond the data ends the text with <c>Invalid(...)</c>, so a zero length cannot loop.
/// </summary>
public static class DevicePath
{
    private const int MaxNodes = 256;

    public static string ToText(ReadOnlySpan<byte> path)
    {
        var text = new StringBuilder();
        var nodes = 0;
        while (!path.IsEmpty)
        {
            if (path.Length < 4)
            {
                Append(text, "/", $"Invalid({path.Length} trailing bytes)");
                break;
            }
            var type = path[0];
            var subType = path[1];
            var length = BinaryPrimitives.ReadUInt16LittleEndian(path[2..]);
            if (length < 4 || length > path.Length)
            {
                Append(text, "/", $"Invalid(node {type},{subType} declares {length} bytes, {path.Length} left)");
                break;
            }
            if (++nodes > MaxNodes)
            {
                Append(text, "/", "...");
                break;
            }
            var body = path[4..length];
            path = path[length..];
            if (type == 0x7f)
            {
                if (subType == 0xff) break;       // end of the whole path
                text.Append(',');                 // end of one instance, another follows
                continue;
            }
            Append(text, "/", Node(type, subType, body));
        }
        return text.ToString();
    }

    private static void Append(StringBuilder text, string separator, string node)
    {
        if (text.Length > 0 && text[^1] != ',') text.Append(separator);
        text.Append(node);
    }

    private static string Node(byte type, byte subType, ReadOnlySpan<byte> body) => (type, subType) switch
    {
        (1, 1) when body.Length == 2 => $"Pci(0x{body[1]:x},0x{body[0]:x})",
        (1, 3) when body.Length == 20 => $"MemoryMapped(0x{U32(body):x},0x{U64(body[4..]):x},0x{U64(body[12..]):x})",
        (1, 4) when body.Length >= 16 => Vendor("VenHw", body),
        (2, 1) when body.Length == 8 => Acpi(U32(body), U32(body[4..])),
        (3, 2) when body.Length == 4 => $"Scsi(0x{U16(body):x},0x{U16(body[2..]):x})",
        (3, 5) when body.Length == 2 => $"USB(0x{body[0]:x},0x{body[1]:x})",
        (3, 10) when body.Length >= 16 => Vendor("VenMsg", body),
        (3, 11) when body.Length == 33 => Mac(body),
        (3, 12) when body.Length >= 15 => IPv4(body),
        (3, 18) when body.Length == 6 => $"Sata(0x{U16(body):x},0x{U16(body[2..]):x},0x{U16(body[4..]):x})",
        (3, 23) when body.Length == 12 => $"NVMe(0x{U32(body):x},{string.Join("-", body[4..].ToArray().Select(b => b.ToString("X2")))})",
        (3, 24) => $"Uri({EventText.Bounded(Encoding.ASCII.GetString(body))})",
        (4, 1) when body.Length == 38 => HardDrive(body),
        (4, 2) when body.Length == 20 => $"CDROM(0x{U32(body):x},0x{U64(body[4..]):x},0x{U64(body[12..]):x})",
        (4, 3) when body.Length >= 16 => Vendor("VenMedia", body),
        (4, 4) => FilePath(body),
        (4, 6) when body.Length == 16 => $"FvFile({new Guid(body)})",
        (4, 7) when body.Length == 16 => $"Fv({new Guid(body)})",
        (4, 8) when body.Length == 20 => $"Offset(0x{U64(body[4..]):x},0x{U64(body[12..]):x})",
        (5, 1) when body.Length >= 4 => $"BBS(0x{U16(body):x},{EventText.Bounded(Encoding.ASCII.GetString(body[4..]).TrimEnd('\0'))})",
        _ => $"Path({type},{subType},{EventText.Hex(body)})",
    };

    /// <summary>ACPI _HID/_UID; PNP0A03 and PNP0A08 (PCI and PCIe root bridges) have their own short forms.</summary>
    private static string Acpi(uint hid, uint uid)
    {
        // An EISA id: the compressed vendor "PNP" (0x41d0) in the low word, the product in the high word.
        if ((hid & 0xffff) == 0x41d0)
        {
            var product = hid >> 16;
            return product switch
            {
                0x0a03 => $"PciRoot(0x{uid:x})",
                0x0a08 => $"PcieRoot(0x{uid:x})",
                _ => $"Acpi(PNP{product:X4},0x{uid:x})",
            };
        }
        return $"Acpi(0x{hid:x8},0x{uid:x})";
    }

    private static string HardDrive(ReadOnlySpan<byte> body)
    {
        var partition = U32(body);
        var start = U64(body[4..]);
        var size = U64(body[12..]);
        var signature = body.Slice(20, 16);
        var signatureType = body[37];
        var id = signatureType switch
        {
            1 => $"MBR,0x{U32(signature):x8}",
            2 => $"GPT,{new Guid(signature)}",
            _ => $"{signatureType},{EventText.Hex(signature)}",
        };
        return $"HD({partition},{id},0x{start:x},0x{size:x})";
    }

    /// <summary>IPv4(remote,protocol,DHCP|Static,local): local 0-3, remote 4-7, ports 8-11, protocol 12, static flag 14.</summary>
    private static string IPv4(ReadOnlySpan<byte> body)
    {
        var protocol = U16(body[12..]) switch { 6 => "TCP", 17 => "UDP", var other => $"0x{other:x}" };
        return $"IPv4({new IPAddress(body.Slice(4, 4))},{protocol},{(body[14] == 0 ? "DHCP" : "Static")},{new IPAddress(body[..4])})";
    }

    private static string FilePath(ReadOnlySpan<byte> body) =>
        EventText.Bounded(Encoding.Unicode.GetString(body[..(body.Length & ~1)]).TrimEnd('\0'));

    private static string Mac(ReadOnlySpan<byte> body)
    {
        // The address field is 32 bytes; Ethernet (ifType 0 or 1) uses the first 6.
        var ifType = body[32];
        var length = ifType is 0 or 1 ? 6 : 32;
        return $"MAC({Convert.ToHexStringLower(body[..length])},0x{ifType:x})";
    }

    private static string Vendor(string name, ReadOnlySpan<byte> body) =>
        body.Length == 16 ? $"{name}({new Guid(body[..16])})" : $"{name}({new Guid(body[..16])},{EventText.Hex(body[16..])})";

    private static ushort U16(ReadOnlySpan<byte> data) => BinaryPrimitives.ReadUInt16LittleEndian(data);
    private static uint U32(ReadOnlySpan<byte> data) => BinaryPrimitives.ReadUInt32LittleEndian(data);
    private static ulong U64(ReadOnlySpan<byte> data) => BinaryPrimitives.ReadUInt64LittleEndian(data);
}
