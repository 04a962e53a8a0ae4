using System.Buffers.Binary;

namespace GeoEdge.Drivers.Tpm.Encoding;

/// <summary>
/// Reads TPM wire format from a response the driver must not trust blindly: every read is
/// bounds-checked and a short buffer is a <see cref="TpmFormatException"/> naming the structure.
/// </summary>
internal ref struct TpmReader(ReadOnlySpan<byte> data, string what)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private readonly string _what = what;

    public int Position { get; private set; }
    public readonly int Remaining => _data.Length - Position;

    public byte U8() => Take(1)[0];
    public ushort U16() => BinaryPrimitives.ReadUInt16BigEndian(Take(2));
    public uint U32() => BinaryPrimitives.ReadUInt32BigEndian(Take(4));
    public ulong U64() => BinaryPrimitives.ReadUInt64BigEndian(Take(8));

    public ReadOnlySpan<byte> Bytes(int count) => Take(count);

    /// <summary>A TPM2B: 16-bit size, then that many bytes.</summary>
    public ReadOnlySpan<byte> Sized() => Take(U16());

    public readonly void ExpectEnd()
    {
        if (Remaining != 0)
            throw new TpmFormatException($"{_what}: {Remaining} unexpected trailing bytes at offset {Position}");
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > Remaining)
            throw new TpmFormatException($"{_what}: needs {count} bytes at offset {Position} but only {Remaining} remain");
        var span = _data.Slice(Position, count);
        Position += count;
        return span;
    }
}
