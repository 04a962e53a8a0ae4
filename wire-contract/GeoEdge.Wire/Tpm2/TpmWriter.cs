using System.Buffers.Binary;

namespace GeoEdge.Wire.Tpm2;

/// <summary>Big-endian builder for the few TPM structures the bridge produces (MakeCredential output, PCR selections).</summary>
public sealed class TpmWriter
{
    private byte[] _buffer;
    private int _length;

    public TpmWriter(int initialCapacity = 256) => _buffer = new byte[Math.Max(initialCapacity, 16)];

    public int Length => _length;

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

    public TpmWriter U64(ulong value)
    {
        BinaryPrimitives.WriteUInt64BigEndian(Reserve(8), value);
        return this;
    }

    public TpmWriter Alg(TpmAlgId value) => U16((ushort)value);

    public TpmWriter Bytes(ReadOnlySpan<byte> value)
    {
        value.CopyTo(Reserve(value.Length));
        return this;
    }

    /// <summary>A TPM2B: UINT16 size then the bytes.</summary>
    public TpmWriter Sized(ReadOnlySpan<byte> value)
    {
        if (value.Length > ushort.MaxValue)
            throw new ArgumentException($"a TPM2B holds at most {ushort.MaxValue} bytes, got {value.Length}", nameof(value));
        U16((ushort)value.Length);
        return Bytes(value);
    }

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    public byte[] ToArray() => WrittenSpan.ToArray();

    private Span<byte> Reserve(int count)
    {
        if (_length + count > _buffer.Length)
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + count));
        var span = _buffer.AsSpan(_length, count);
        _length += count;
        return span;
    }
}
