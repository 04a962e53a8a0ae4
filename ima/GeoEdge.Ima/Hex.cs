namespace GeoEdge.Ima;

/// <summary>Hex digits straight from ASCII bytes, without going through a string per field.</summary>
internal static class Hex
{
    /// <summary>Decodes hex digits (either case); null when the length is odd or a character is not a hex digit.</summary>
    public static byte[]? TryDecode(ReadOnlySpan<byte> ascii)
    {
        if ((ascii.Length & 1) != 0) return null;
        var result = new byte[ascii.Length / 2];
        for (var i = 0; i < result.Length; i++)
        {
            var high = Digit(ascii[2 * i]);
            var low = Digit(ascii[2 * i + 1]);
            if ((high | low) < 0) return null;
            result[i] = (byte)(high << 4 | low);
        }
        return result;
    }

    public static byte[]? TryDecode(string text)
    {
        if ((text.Length & 1) != 0) return null;
        var result = new byte[text.Length / 2];
        for (var i = 0; i < result.Length; i++)
        {
            var high = text[2 * i] < 128 ? Digit((byte)text[2 * i]) : -1;
            var low = text[2 * i + 1] < 128 ? Digit((byte)text[2 * i + 1]) : -1;
            if ((high | low) < 0) return null;
            result[i] = (byte)(high << 4 | low);
        }
        return result;
    }

    private static int Digit(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };
}
