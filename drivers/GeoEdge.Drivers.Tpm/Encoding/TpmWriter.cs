using System.Buffers.Binary;

namespace GeoEdge.Drivers.Tpm.Encoding;

/// <summary>Writes TPM wire format: big-endian integers, TPM2B = 16-bit size then bytes.</summary>
internal sealed class TpmWriter
{
    private byte[] _buffer = new byte[256];

    public int Length { get; private set; }

    public TpmWriter U8(byte value)
    {
        Reserve(1)[0] = value;
        return this;
    }

    public TpmWriter U16(ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(Reserve(2), value);
        return this;
    }

    public TpmWriter U32(uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(Reserve(4), value);
        return this;
    }

    public TpmWriter Bytes(ReadOnlySpan<byte> value)
    {
        value.CopyTo(Reserve(value.Length));
        return this;
    }

    /// <summary>A TPM2B: 16-bit size, then the bytes.</summary>
    public TpmWriter Sized(ReadOnlySpan<byte> value)
    {
        if (value.Length > ushort.MaxValue) throw new ArgumentOutOfRangeException(nameof(value), "a TPM2B holds at most 65535 bytes");
        return U16((ushort)value.Length).Bytes(value);
    }

    public byte[] ToArray() => _buffer.AsSpan(0, Length).ToArray();

    /// <summary>The bytes written so far as the content of a TPM2B (size prefix added).</summary>
    public byte[] ToSizedArray() => new TpmWriter().Sized(_buffer.AsSpan(0, Length)).ToArray();

    private Span<byte> Reserve(int count)
    {
        if (Length + count > _buffer.Length)
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + count));
        var span = _buffer.AsSpan(Length, count);
        Length += count;
        return span;
    }
}
