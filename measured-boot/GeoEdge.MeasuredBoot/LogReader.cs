using System.Buffers.Binary;

namespace GeoEdge.MeasuredBoot;

/// <summary>
/// Little-endian cursor over an event log that turns every overrun into an <see cref="EventLogException"/>
/// naming the field that did not fit, instead of an index exception.
/// </summary>
internal ref struct LogReader(ReadOnlySpan<byte> bytes)
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;

    public int Position { get; private set; }
    public int Remaining => _bytes.Length - Position;
    public bool AtEnd => Position >= _bytes.Length;
    public int? EventIndex { get; set; }

    public ulong U64(string field) => BinaryPrimitives.ReadUInt64LittleEndian(Take(8, field));
    public uint U32(string field) => BinaryPrimitives.ReadUInt32LittleEndian(Take(4, field));
    public ushort U16(string field) => BinaryPrimitives.ReadUInt16LittleEndian(Take(2, field));
    public byte U8(string field) => Take(1, field)[0];

    /// <summary>An EFI_GUID: its first three fields little-endian, as <see cref="Guid(ReadOnlySpan{byte})"/> reads them.</summary>
    public Guid Guid(string field) => new(Take(16, field));

    public ReadOnlySpan<byte> Take(int count, string field)
    {
        if (count < 0 || count > Remaining)
            throw new EventLogException($"truncated: {field} needs {count} bytes but {Remaining} remain", Position, EventIndex);
        var slice = _bytes.Slice(Position, count);
        Position += count;
        return slice;
    }
}
