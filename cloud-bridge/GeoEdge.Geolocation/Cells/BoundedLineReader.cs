namespace GeoEdge.Geolocation;

/// <summary>
/// Reads lines of at most a fixed length from text, so that a file without newlines (or with one
/// enormous line) costs a fixed buffer instead of memory without bound, as TextReader.ReadLine would.
/// An over-long line is skipped to its end and reported as such; reading then continues normally.
/// </summary>
internal sealed class BoundedLineReader
{
    private readonly TextReader _reader;
    private readonly int _maxLength;
    private readonly char[] _buffer;
    private int _start;
    private int _end;
    private bool _endOfInput;

    /// <summary>1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    public BoundedLineReader(TextReader reader, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        _reader = reader;
        _maxLength = maxLength;
        // Room for one whole line (plus CR LF) and a useful read chunk after it.
        _buffer = new char[Math.Max(2 * (maxLength + 2), 64 * 1024)];
    }

    /// <summary>
    /// The next line without its line ending, valid until the next call; false at end of input.
    /// <paramref name="tooLong"/> is set (and <paramref name="line"/> empty) when the line exceeded the limit.
    /// </summary>
    public bool TryReadLine(out ReadOnlyMemory<char> line, out bool tooLong)
    {
        var skipping = false;
        while (true)
        {
            var newline = Array.IndexOf(_buffer, '\n', _start, _end - _start);
            if (newline >= 0)
            {
                LineNumber++;
                var length = newline - _start;
                if (length > 0 && _buffer[newline - 1] == '\r') length--;
                tooLong = skipping || length > _maxLength;
                line = tooLong ? ReadOnlyMemory<char>.Empty : new ReadOnlyMemory<char>(_buffer, _start, length);
                _start = newline + 1;
                return true;
            }
            if (_end - _start > _maxLength + 1)
            {
                // No line ending within the limit: drop what we have and skip to the next one.
                skipping = true;
                _start = _end = 0;
            }
            if (_endOfInput)
            {
                if (_start == _end && !skipping)
                {
                    line = ReadOnlyMemory<char>.Empty;
                    tooLong = false;
                    return false;
                }
                // The last line has no line ending.
                LineNumber++;
                tooLong = skipping || _end - _start > _maxLength;
                line = tooLong ? ReadOnlyMemory<char>.Empty : new ReadOnlyMemory<char>(_buffer, _start, _end - _start);
                _start = _end;
                return true;
            }
            Fill();
        }
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        var read = _reader.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0) _endOfInput = true;
        _end += read;
    }
}
