namespace GeoEdge.Drivers.Gnss.Ubx;

/// <summary>
/// Streaming UBX deframer. Feed it arbitrary chunks; it returns each complete frame with a valid
/// checksum. Garbage, bad checksums and implausibly long declared lengths cost one byte of resync
/// each, so a frame hidden behind a corrupt one is still found. Not thread-safe: one reader per stream.
/// </summary>
public sealed class UbxFrameReader
{
    public const int DefaultMaxPayloadLength = 8 * 1024;

    private readonly int _maxPayloadLength;
    private readonly BoundedByteBuffer _buffer;

    public UbxFrameReader(int maxPayloadLength = DefaultMaxPayloadLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxPayloadLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxPayloadLength, ushort.MaxValue);
        _maxPayloadLength = maxPayloadLength;
        _buffer = new BoundedByteBuffer(maxPayloadLength + UbxFrameParser.Overhead);
    }

    public long Frames { get; private set; }
    public long BadChecksums { get; private set; }
    public long DiscardedBytes { get; private set; }

    public IReadOnlyList<UbxFrame> Feed(ReadOnlySpan<byte> chunk)
    {
        var frames = new List<UbxFrame>();
        do
        {
            chunk = chunk[_buffer.Append(chunk)..];
            Drain(frames);
        } while (!chunk.IsEmpty);
        return frames;
    }

    private void Drain(List<UbxFrame> frames)
    {
        while (_buffer.Data.Length > 0)
        {
            var data = _buffer.Data;
            if (data[0] != UbxFrameParser.Sync1)
            {
                var next = data.IndexOf(UbxFrameParser.Sync1);
                Discard(next < 0 ? data.Length : next);
                continue;
            }
            switch (UbxFrameParser.TryParse(data, _maxPayloadLength, out var frame, out var length))
            {
                case UbxParseOutcome.NeedMore:
                    return;
                case UbxParseOutcome.Frame:
                    frames.Add(frame!);
                    Frames++;
                    _buffer.Consume(length);
                    break;
                case UbxParseOutcome.BadChecksum:
                    BadChecksums++;
                    Discard(1);
                    break;
                default:
                    Discard(1);
                    break;
            }
        }
    }

    private void Discard(int count)
    {
        DiscardedBytes += count;
        _buffer.Consume(count);
    }
}
