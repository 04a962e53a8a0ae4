namespace GeoEdge.Drivers.Gnss.Ubx;

/// <summary>
/// Fixed-capacity window of not-yet-parsed stream bytes. Readers take chunks in pieces that fit,
/// so memory stays bounded however large a chunk a caller hands over.
/// </summary>
internal sealed class BoundedByteBuffer(int capacity)
{
    private readonly byte[] _data = new byte[capacity];
    private int _count;

    internal ReadOnlySpan<byte> Data => _data.AsSpan(0, _count);

    /// <summary>Copies as much of <paramref name="source"/> as fits; returns how many bytes were taken.</summary>
    internal int Append(ReadOnlySpan<byte> source)
    {
        var take = Math.Min(source.Length, _data.Length - _count);
        source[..take].CopyTo(_data.AsSpan(_count));
        _count += take;
        return take;
    }

    internal void Consume(int count)
    {
        _data.AsSpan(count, _count - count).CopyTo(_data);
        _count -= count;
    }
}
