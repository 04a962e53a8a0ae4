using System.Buffers.Binary;
using System.Text;

namespace GeoEdge.MeasuredBoot;

/// <summary>EFI_LOAD_OPTION (the contents of a Boot#### variable): attributes, description, device path.</summary>
internal static class EfiLoadOption
{
    /// <summary>"description: device path" when the data is a well-formed load option.</summary>
    public static bool TryDescribe(ReadOnlySpan<byte> data, out string text)
    {
        text = "";
        if (data.Length < 6) return false;
        var pathLength = BinaryPrimitives.ReadUInt16LittleEndian(data[4..]);
        var rest = data[6..];
        var end = -1;
        for (var i = 0; i + 1 < rest.Length; i += 2)
            if (rest[i] == 0 && rest[i + 1] == 0) { end = i; break; }
        if (end < 0 || rest.Length < end + 2 + pathLength) return false;
        var description = EventText.Bounded(Encoding.Unicode.GetString(rest[..end]));
        text = $"{description}: {DevicePath.ToText(rest.Slice(end + 2, pathLength))}";
        return true;
    }
}
