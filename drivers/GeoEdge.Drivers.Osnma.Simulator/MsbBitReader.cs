namespace GeoEdge.Drivers.Osnma.Simulator;

/// <summary>MSB-first bit access (bit 0 = most significant bit of byte 0), bounds-checked by the span.</summary>
public static class MsbBitReader
{
    public static int Get(ReadOnlySpan<byte> data, int bit) => (data[bit >> 3] >> (7 - (bit & 7))) & 1;

    public static ulong Read(ReadOnlySpan<byte> data, int startBit, int bitCount)
    {
        if (bitCount is < 0 or > 64) throw new ArgumentOutOfRangeException(nameof(bitCount));
        if (startBit < 0 || startBit + bitCount > data.Length * 8)
            throw new ArgumentOutOfRangeException(nameof(startBit), $"bits {startBit}..{startBit + bitCount} are outside {data.Length * 8} bits");
        ulong value = 0;
        for (var i = 0; i < bitCount; i++) value = (value << 1) | (uint)Get(data, startBit + i);
        return value;
    }

    /// <summary>Bits [startBit, startBit+bitCount) as bytes, left-aligned, zero-padded to a whole byte.</summary>
    public static byte[] Slice(ReadOnlySpan<byte> data, int startBit, int bitCount)
    {
        if (startBit < 0 || bitCount < 0 || startBit + bitCount > data.Length * 8)
            throw new ArgumentOutOfRangeException(nameof(startBit), $"bits {startBit}..{startBit + bitCount} are outside {data.Length * 8} bits");
        var writer = new MsbBitWriter(bitCount);
        writer.WriteBits(data, startBit, bitCount);
        return writer.Buffer;
    }
}
