namespace GeoEdge.Drivers.Osnma.Simulator;

/// <summary>
/// Writes fields MSB first into a fixed buffer, the bit order of every OSNMA and I/NAV structure
/// (bit 0 = most significant bit of byte 0). Unwritten bits stay zero, which is the padding value the
/// ICD asks for wherever it says "zero padding".
/// </summary>
internal sealed class MsbBitWriter
{
    private readonly byte[] _buffer;

    public MsbBitWriter(int bitCount) => _buffer = new byte[(bitCount + 7) / 8];

    public MsbBitWriter(byte[] buffer) => _buffer = buffer;

    public int Position { get; private set; }

    public byte[] Buffer => _buffer;

    public MsbBitWriter Write(ulong value, int bitCount)
    {
        if (bitCount is < 0 or > 64) throw new ArgumentOutOfRangeException(nameof(bitCount));
        if (bitCount < 64 && value >> bitCount != 0)
            throw new ArgumentOutOfRangeException(nameof(value), value, $"does not fit in {bitCount} bits");
        if (Position + bitCount > _buffer.Length * 8) throw new InvalidOperationException("bit buffer overflow");
        // Fill the current byte's free bits at a time: pages and tags are written millions of times per simulated hour.
        var remaining = bitCount;
        while (remaining > 0)
        {
            var free = 8 - (Position & 7);
            var take = Math.Min(free, remaining);
            var chunk = (int)(value >> (remaining - take)) & ((1 << take) - 1);
            _buffer[Position >> 3] |= (byte)(chunk << (free - take));
            Position += take;
            remaining -= take;
        }
        return this;
    }

    public MsbBitWriter WriteSigned(long value, int bitCount)
    {
        var min = -(1L << (bitCount - 1));
        var max = (1L << (bitCount - 1)) - 1;
        if (value < min || value > max) throw new ArgumentOutOfRangeException(nameof(value), value, $"does not fit in {bitCount} signed bits");
        return Write((ulong)value & (bitCount == 64 ? ulong.MaxValue : (1UL << bitCount) - 1), bitCount);
    }

    /// <summary>Copies <paramref name="bitCount"/> bits of <paramref name="source"/> starting at <paramref name="sourceBit"/>.</summary>
    public MsbBitWriter WriteBits(ReadOnlySpan<byte> source, int sourceBit, int bitCount)
    {
        if (sourceBit < 0 || bitCount < 0 || sourceBit + bitCount > source.Length * 8)
            throw new ArgumentOutOfRangeException(nameof(sourceBit), $"bits {sourceBit}..{sourceBit + bitCount} are outside {source.Length * 8} bits");
        while (bitCount >= 8)
        {
            var shift = sourceBit & 7;
            var index = sourceBit >> 3;
            var b = shift == 0 ? source[index] : (byte)((source[index] << shift) | (source[index + 1] >> (8 - shift)));
            Write(b, 8);
            sourceBit += 8;
            bitCount -= 8;
        }
        for (var i = 0; i < bitCount; i++)
            Write((ulong)MsbBitReader.Get(source, sourceBit + i), 1);
        return this;
    }

    public MsbBitWriter WriteBytes(ReadOnlySpan<byte> bytes) => WriteBits(bytes, 0, bytes.Length * 8);

    public MsbBitWriter Skip(int bitCount)
    {
        if (Position + bitCount > _buffer.Length * 8) throw new InvalidOperationException("bit buffer overflow");
        Position += bitCount;
        return this;
    }
}
