using System.Buffers.Binary;

namespace GeoEdge.Wire.Tpm2;

/// <summary>
/// Big-endian cursor over a marshalled TPM structure (Part 1, 9.1: TPM data is big-endian, sized
/// buffers are a UINT16 count then that many bytes). Every read is bounds-checked and a short or
/// oversized field becomes a <see cref="TpmFormatException"/> naming <see cref="Structure"/> and the
/// field, never an IndexOutOfRangeException.
/// </summary>
public ref struct TpmReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    /// <summary>The structure being read; parsers set it when they descend so errors say where.</summary>
    public string Structure { get; set; }

    public TpmReader(ReadOnlySpan<byte> data, string structure)
    {
        _data = data;
        _position = 0;
        Structure = structure;
    }

    public readonly int Position => _position;
    public readonly int Remaining => _data.Length - _position;

    /// <summary>Everything read so far: lets a parser keep the exact bytes a signature or hash covers.</summary>
    public readonly ReadOnlySpan<byte> Consumed(int from) => _data[from.._position];

    public byte U8(string field) => Take(1, field)[0];
    public ushort U16(string field) => BinaryPrimitives.ReadUInt16BigEndian(Take(2, field));
    public uint U32(string field) => BinaryPrimitives.ReadUInt32BigEndian(Take(4, field));
    public ulong U64(string field) => BinaryPrimitives.ReadUInt64BigEndian(Take(8, field));

    /// <summary>Reads a TPM_ALG_ID. The value is not checked: callers decide which ones they accept.</summary>
    public TpmAlgId Alg(string field) => (TpmAlgId)U16(field);

    /// <summary>A fixed number of bytes.</summary>
    public ReadOnlySpan<byte> Bytes(int count, string field)
    {
        if (count < 0) throw Fail(field, $"negative length {count}");
        return Take(count, field);
    }

    /// <summary>A TPM2B: UINT16 size then the buffer; a size above <paramref name="maxSize"/> is refused.</summary>
    public ReadOnlySpan<byte> Sized(string field, int maxSize)
    {
        var size = U16(field + ".size");
        if (size > maxSize)
            throw Fail(field, $"size {size} exceeds the maximum {maxSize}");
        return Take(size, field);
    }

    /// <summary>Refuses trailing bytes: a structure that does not end where it should is malformed.</summary>
    public readonly void EnsureEnd()
    {
        if (Remaining != 0)
            throw new TpmFormatException(Structure, "(end)", $"{Remaining} unexpected trailing byte(s) at offset {_position}");
    }

    public readonly TpmFormatException Fail(string field, string problem) => new(Structure, field, problem);

    private ReadOnlySpan<byte> Take(int count, string field)
    {
        if (count > Remaining)
            throw Fail(field, $"truncated: needs {count} byte(s) at offset {_position}, only {Remaining} remain");
        var slice = _data.Slice(_position, count);
        _position += count;
        return slice;
    }
}
