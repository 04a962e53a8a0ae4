namespace GeoEdge.Drivers.Gnss.Ubx;

/// <summary>Bit access in navigation-message order: bit 0 is the most significant bit of byte 0.</summary>
internal static class MsbBits
{
    internal static int Get(ReadOnlySpan<byte> data, int bit) => (data[bit >> 3] >> (7 - (bit & 7))) & 1;

    internal static ulong Read(ReadOnlySpan<byte> data, int start, int count)
    {
        ulong value = 0;
        for (var i = 0; i < count; i++) value = (value << 1) | (uint)Get(data, start + i);
        return value;
    }
}
