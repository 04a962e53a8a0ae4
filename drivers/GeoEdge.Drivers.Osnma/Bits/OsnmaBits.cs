namespace GeoEdge.Drivers.Osnma.Bits;

/// <summary>
/// Bit access in navigation-message order (bit 0 is the most significant bit of byte 0), the order of
/// every OSNMA field and of the MAC and hash inputs the ICD builds from them.
/// </summary>
internal static class OsnmaBits
{
    public static int Get(ReadOnlySpan<byte> data, int bit) => (data[bit >> 3] >> (7 - (bit & 7))) & 1;

    /// <summary>Reads up to 64 bits starting at <paramref name="start"/> as an unsigned big-endian number.</summary>
    public static ulong Read(ReadOnlySpan<byte> data, int start, int count)
    {
        if (count is < 0 or > 64) throw new ArgumentOutOfRangeException(nameof(count));
        if (start < 0 || start + count > data.Length * 8) throw new ArgumentOutOfRangeException(nameof(start));
        ulong value = 0;
        var bit = start;
        // Whole bytes when aligned: the hot path (tags, keys) is byte-aligned more often than not.
        while (count > 0)
        {
            if ((bit & 7) == 0 && count >= 8)
            {
                value = (value << 8) | data[bit >> 3];
                bit += 8;
                count -= 8;
            }
            else
            {
                value = (value << 1) | (uint)Get(data, bit);
                bit++;
                count--;
            }
        }
        return value;
    }

    /// <summary>Copies <paramref name="count"/> bits from <paramref name="source"/> at <paramref name="sourceBit"/> into <paramref name="destination"/> at <paramref name="destinationBit"/>.</summary>
    public static void Copy(ReadOnlySpan<byte> source, int sourceBit, Span<byte> destination, int destinationBit, int count)
    {
        if (sourceBit < 0 || sourceBit + count > source.Length * 8) throw new ArgumentOutOfRangeException(nameof(sourceBit));
        if (destinationBit < 0 || destinationBit + count > destination.Length * 8) throw new ArgumentOutOfRangeException(nameof(destinationBit));
        for (var i = 0; i < count; i++)
        {
            var d = destinationBit + i;
            var mask = (byte)(0x80 >> (d & 7));
            if (Get(source, sourceBit + i) != 0) destination[d >> 3] |= mask;
            else destination[d >> 3] &= (byte)~mask;
        }
    }

    /// <summary>Writes the low <paramref name="count"/> bits of <paramref name="value"/> MSB first at <paramref name="start"/>.</summary>
    public static void Write(Span<byte> destination, int start, int count, ulong value)
    {
        if (count is < 0 or > 64) throw new ArgumentOutOfRangeException(nameof(count));
        if (start < 0 || start + count > destination.Length * 8) throw new ArgumentOutOfRangeException(nameof(start));
        for (var i = 0; i < count; i++)
        {
            var d = start + i;
            var mask = (byte)(0x80 >> (d & 7));
            if (((value >> (count - 1 - i)) & 1) != 0) destination[d >> 3] |= mask;
            else destination[d >> 3] &= (byte)~mask;
        }
    }
}
