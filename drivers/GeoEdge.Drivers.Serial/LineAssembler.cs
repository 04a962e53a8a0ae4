using System.Text;

namespace GeoEdge.Drivers.Serial;

/// <summary>
/// Cuts a byte stream into lines ending in '\n' (a trailing '\r' is stripped, empty lines are
/// dropped). Memory is one fixed buffer of <see cref="MaxLineLength"/> bytes: a longer run
/// without a newline is discarded up to the next newline and counted once, never buffered.
/// Bytes are decoded as Latin-1 so that every byte maps to one char and garbage stays visible
/// to whoever validates the line. Not thread-safe; the counters may be read from any thread.
/// </summary>
public sealed class LineAssembler
{
    private readonly byte[] _line;
    private int _length;
    private bool _discarding;
    private long _overlongLines;

    public LineAssembler(int maxLineLength = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineLength, 1);
        _line = new byte[maxLineLength];
    }

    /// <summary>Longest line kept, in bytes, not counting the '\n'.</summary>
    public int MaxLineLength => _line.Length;

    /// <summary>Bytes of the current, unfinished line (never more than <see cref="MaxLineLength"/>).</summary>
    public int PendingBytes => _length;

    /// <summary>Lines that exceeded <see cref="MaxLineLength"/> and were thrown away.</summary>
    public long OverlongLines => Interlocked.Read(ref _overlongLines);

    /// <summary>Appends every line completed by <paramref name="bytes"/> to <paramref name="lines"/>.</summary>
    public void Feed(ReadOnlySpan<byte> bytes, ICollection<string> lines)
    {
        while (!bytes.IsEmpty)
        {
            var newline = bytes.IndexOf((byte)'\n');
            var segment = newline < 0 ? bytes : bytes[..newline];
            Append(segment);
            if (newline < 0) return;
            EndLine(lines);
            bytes = bytes[(newline + 1)..];
        }
    }

    /// <summary>Forgets the unfinished line (after a reconnect its start belongs to another stream).</summary>
    public void Reset()
    {
        _length = 0;
        _discarding = false;
    }

    private void Append(ReadOnlySpan<byte> segment)
    {
        if (_discarding || segment.IsEmpty) return;
        if (segment.Length > _line.Length - _length)
        {
            _discarding = true;
            _length = 0;
            Interlocked.Increment(ref _overlongLines);
            return;
        }
        segment.CopyTo(_line.AsSpan(_length));
        _length += segment.Length;
    }

    private void EndLine(ICollection<string> lines)
    {
        if (_discarding)
        {
            _discarding = false;
            return;
        }
        var length = _length;
        _length = 0;
        if (length > 0 && _line[length - 1] == (byte)'\r') length--;
        if (length > 0) lines.Add(Encoding.Latin1.GetString(_line, 0, length));
    }
}
