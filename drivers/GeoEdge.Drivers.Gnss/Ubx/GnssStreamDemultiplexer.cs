using System.Text;

namespace GeoEdge.Drivers.Gnss.Ubx;

/// <summary>
/// Splits one receiver byte stream carrying both NMEA text and UBX binary into messages.
/// Anything that is neither a checksum-valid UBX frame nor a printable '$' line ended by '\n'
/// within the length bound is discarded one byte at a time until a start marker lines up again.
/// Not thread-safe: one demultiplexer per stream.
/// </summary>
public sealed class GnssStreamDemultiplexer
{
    /// <summary>NMEA 0183 allows 82 characters; proprietary u-blox sentences run longer, so allow slack.</summary>
    public const int DefaultMaxNmeaLineLength = 256;

    /// <summary>'$' plus the shortest address field ("GPGGA"); anything shorter is noise, e.g. "$\n" inside binary.</summary>
    private const int MinNmeaLineLength = 6;
    private const byte Dollar = (byte)'$';
    private const byte LineFeed = (byte)'\n';
    private const byte CarriageReturn = (byte)'\r';

    private readonly int _maxPayloadLength;
    private readonly int _maxLineLength;
    private readonly BoundedByteBuffer _buffer;

    public GnssStreamDemultiplexer(int maxUbxPayloadLength = UbxFrameReader.DefaultMaxPayloadLength, int maxNmeaLineLength = DefaultMaxNmeaLineLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxUbxPayloadLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxUbxPayloadLength, ushort.MaxValue);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNmeaLineLength, 2);
        _maxPayloadLength = maxUbxPayloadLength;
        _maxLineLength = maxNmeaLineLength;
        _buffer = new BoundedByteBuffer(Math.Max(maxUbxPayloadLength + UbxFrameParser.Overhead, maxNmeaLineLength));
    }

    public long UbxFrames { get; private set; }
    public long NmeaLines { get; private set; }
    public long BadUbxChecksums { get; private set; }
    public long DiscardedBytes { get; private set; }

    /// <summary>Drops the unparsed tail (after a reconnect it belongs to a stream that no longer exists); counters are kept.</summary>
    public void Reset() => _buffer.Consume(_buffer.Data.Length);

    public IReadOnlyList<GnssStreamItem> Feed(ReadOnlySpan<byte> chunk)
    {
        var items = new List<GnssStreamItem>();
        do
        {
            chunk = chunk[_buffer.Append(chunk)..];
            Drain(items);
        } while (!chunk.IsEmpty);
        return items;
    }

    private void Drain(List<GnssStreamItem> items)
    {
        while (_buffer.Data.Length > 0)
        {
            var data = _buffer.Data;
            var step = data[0] switch
            {
                UbxFrameParser.Sync1 => StepUbx(data, items),
                Dollar => StepNmea(data, items),
                _ => SkipToNextMarker(data),
            };
            if (step == Step.NeedMore) return;
        }
    }

    private enum Step { Progress, NeedMore }

    private Step SkipToNextMarker(ReadOnlySpan<byte> data)
    {
        var next = data.IndexOfAny(UbxFrameParser.Sync1, Dollar);
        Discard(next < 0 ? data.Length : next);
        return Step.Progress;
    }

    private Step StepUbx(ReadOnlySpan<byte> data, List<GnssStreamItem> items)
    {
        switch (UbxFrameParser.TryParse(data, _maxPayloadLength, out var frame, out var length))
        {
            case UbxParseOutcome.NeedMore:
                return Step.NeedMore;
            case UbxParseOutcome.Frame:
                items.Add(new UbxStreamItem(frame!));
                UbxFrames++;
                _buffer.Consume(length);
                return Step.Progress;
            case UbxParseOutcome.BadChecksum:
                BadUbxChecksums++;
                break;
        }
        Discard(1);
        return Step.Progress;
    }

    private Step StepNmea(ReadOnlySpan<byte> data, List<GnssStreamItem> items)
    {
        var limit = Math.Min(data.Length, _maxLineLength);
        for (var i = 1; i < limit; i++)
        {
            var b = data[i];
            if (b == LineFeed)
            {
                var end = data[i - 1] == CarriageReturn ? i - 1 : i;
                if (end < MinNmeaLineLength) return DiscardDollar();
                items.Add(new NmeaLineItem(Encoding.ASCII.GetString(data[..end])));
                NmeaLines++;
                _buffer.Consume(i + 1);
                return Step.Progress;
            }
            // A byte that cannot be in a sentence (a UBX sync, or a new '$' after a cut-off line) ends the
            // attempt at once rather than gluing this fragment to a line feed of some later message.
            var isCarriageReturnBeforeLineFeed = b == CarriageReturn && (i + 1 >= data.Length || data[i + 1] == LineFeed);
            if ((b < 0x20 || b > 0x7E || b == Dollar) && !isCarriageReturnBeforeLineFeed) return DiscardDollar();
        }
        if (data.Length < _maxLineLength) return Step.NeedMore;
        return DiscardDollar();
    }

    private Step DiscardDollar()
    {
        Discard(1);
        return Step.Progress;
    }

    private void Discard(int count)
    {
        DiscardedBytes += count;
        _buffer.Consume(count);
    }
}
