namespace GeoEdge.Drivers.Gnss.Ubx;

/// <summary>Bit access in navigation-message order: bit 0 is the most significant bit of byte 0.</summary>
internal static class MsbBits
{
    internal static int Get(ReadOnlySpan<byte> data, int bit) => (data[bit >> 3] >> (7 - (bit & 7))) & 1;

    internal static void Set(Span<byte> data, int bit, int value)
    {
        var mask = (byte)(0x80 >> (bit & 7));
        if (value != 0) data[bit >> 3] |= mask;
        else data[bit >> 3] &= (byte)~mask;
    }

    internal static ulong Read(ReadOnlySpan<byte> data, int start, int count)
    {
        ulong value = 0;
        for (var i = 0; i < count; i++) value = (value << 1) | (uint)Get(data, start + i);
        return value;
    }
}
