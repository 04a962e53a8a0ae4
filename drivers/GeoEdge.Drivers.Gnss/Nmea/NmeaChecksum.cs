namespace GeoEdge.Drivers.Gnss.Nmea;

/// <summary>The NMEA checksum: XOR of every character between the start character and '*'.</summary>
public static class NmeaChecksum
{
    public static byte Compute(ReadOnlySpan<char> body)
    {
        byte sum = 0;
        foreach (var c in body) sum ^= (byte)c;
        return sum;
    }

    /// <summary>Reads two hex digits, either case; false for anything else.</summary>
    internal static bool TryParse(ReadOnlySpan<char> text, out byte value)
    {
        value = 0;
        if (text.Length != 2) return false;
        var high = HexValue(text[0]);
        var low = HexValue(text[1]);
        if (high < 0 || low < 0) return false;
        value = (byte)(high << 4 | low);
        return true;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'F' => c - 'A' + 10,
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => -1,
    };
}
