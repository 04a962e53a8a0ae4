namespace GeoEdge.Drivers.Gnss.Ubx;

/// <summary>Length checks done before any field is read, so decoders never index out of range.</summary>
internal static class UbxPayloadLength
{
    internal static void RequireExactly(ReadOnlySpan<byte> payload, int expected, string messageName)
    {
        if (payload.Length != expected)
            throw new UbxFormatException(messageName, "length", $"payload is {payload.Length} bytes, expected {expected}");
    }

    internal static void RequireAtLeast(ReadOnlySpan<byte> payload, int minimum, string messageName)
    {
        if (payload.Length < minimum)
            throw new UbxFormatException(messageName, "length", $"payload is {payload.Length} bytes, expected at least {minimum}");
    }
}
