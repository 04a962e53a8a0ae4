using System.Globalization;
using System.Text;

namespace GeoEdge.Geolocation;

/// <summary>
/// The OpenCellID / Mozilla Location Service cell export: one cell per line,
/// <c>radio,mcc,net,area,cell,unit,lon,lat,range,samples,changeable,created,updated,averageSignal</c>,
/// with or without that header line, times in Unix seconds. Every value is range-checked: a line that
/// is not a plausible cell is a <see cref="CellCsvException"/> naming the line and the column.
/// </summary>
public static class OpenCellIdCsv
{
    public const string Header = "radio,mcc,net,area,cell,unit,lon,lat,range,samples,changeable,created,updated,averageSignal";

    private const int FieldCount = 14;
    private static readonly string[] FieldNames = Header.Split(',');

    /// <summary>Streams the cells of <paramref name="csv"/>; the first bad line throws <see cref="CellCsvException"/>.</summary>
    public static IEnumerable<CellRecord> Read(Stream csv, OpenCellIdLimits? limits = null) =>
        Read(csv, limits, bad => throw bad);

    /// <summary>
    /// Streams the cells of <paramref name="csv"/>, handing each bad line to <paramref name="onBadLine"/>
    /// and carrying on with the next (the importer's policy: one corrupt row must not lose a million good ones).
    /// </summary>
    public static IEnumerable<CellRecord> Read(Stream csv, OpenCellIdLimits? limits, Action<CellCsvException> onBadLine)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(onBadLine);
        limits ??= OpenCellIdLimits.Default;
        return ReadLines(csv, limits, onBadLine);
    }

    private static IEnumerable<CellRecord> ReadLines(Stream csv, OpenCellIdLimits limits, Action<CellCsvException> onBadLine)
    {
        using var text = new StreamReader(csv, new UTF8Encoding(false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        var lines = new BoundedLineReader(text, limits.MaxLineLength);
        var first = true;
        while (lines.TryReadLine(out var line, out var tooLong))
        {
            CellRecord? record = null;
            try
            {
                if (tooLong)
                    throw new CellCsvException(lines.LineNumber, "line", $"longer than {limits.MaxLineLength} characters");
                var span = line.Span;
                if (span.IsWhiteSpace()) continue;
                if (first && span.StartsWith("radio", StringComparison.OrdinalIgnoreCase))
                {
                    CheckHeader(span, lines.LineNumber);
                    continue;
                }
                record = ParseLine(span, lines.LineNumber, limits);
            }
            catch (CellCsvException bad)
            {
                onBadLine(bad);
            }
            finally
            {
                first = false;
            }
            if (record is not null) yield return record;
        }
    }

    private static void CheckHeader(ReadOnlySpan<char> line, long lineNumber)
    {
        if (!line.Trim().Equals(Header, StringComparison.OrdinalIgnoreCase))
            throw new CellCsvException(lineNumber, "header", $"expected the header '{Header}'");
    }

    /// <summary>Parses one data line (no header) into a cell.</summary>
    /// <exception cref="CellCsvException">the line is not a valid cell.</exception>
    public static CellRecord ParseLine(ReadOnlySpan<char> line, long lineNumber = 1, OpenCellIdLimits? limits = null)
    {
        limits ??= OpenCellIdLimits.Default;
        if (line.Length > limits.MaxLineLength)
            throw new CellCsvException(lineNumber, "line", $"longer than {limits.MaxLineLength} characters");
        // One slot more than needed, so that a line with too many fields is seen as such.
        Span<Range> ranges = stackalloc Range[FieldCount + 1];
        var count = line.Split(ranges, ',');
        if (count != FieldCount)
            throw new CellCsvException(lineNumber, "line", count > FieldCount
                ? $"more than {FieldCount} comma-separated fields"
                : $"{count} comma-separated fields where {FieldCount} are expected");
        var fields = new Fields(line, ranges, lineNumber);

        if (!RadioTypeNames.TryParse(fields[0].Trim(), out var radio))
            throw fields.Bad(0, "not one of GSM, UMTS, CDMA, LTE, NR");
        var mcc = (int)fields.Integer(1, 200, 999);
        var mnc = (int)fields.Integer(2, 0, 999);
        var area = fields.Integer(3, 0, limits.MaxArea);
        var cell = fields.Integer(4, 0, radio.MaxCellId());
        // unit (PSC/PCI) is not stored, but a non-number there means the columns are not what we think.
        fields.OptionalInteger(5, -1, 0xFFFF);
        var lon = fields.Real(6, -180, 180);
        var lat = fields.Real(7, -90, 90);
        var range = (int)fields.Integer(8, 0, limits.MaxRangeMeters);
        var samples = (int)fields.Integer(9, 0, int.MaxValue);
        fields.Integer(10, 0, 1);
        var latest = limits.LatestTimestamp.ToUnixTimeSeconds();
        fields.OptionalInteger(11, 0, latest);
        var updated = fields.OptionalInteger(12, 0, latest);
        fields.OptionalInteger(13, -200, 200);
        return new CellRecord(radio, mcc, mnc, area, cell, lat, lon, range, samples,
            updated is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null);
    }

    /// <summary>One line in this format (unit empty, changeable 1, created = updated, averageSignal 0).</summary>
    public static string Format(CellRecord cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var time = cell.Updated?.ToUnixTimeSeconds() ?? 0;
        return string.Create(CultureInfo.InvariantCulture,
            $"{cell.Radio.ToCsv()},{cell.Mcc},{cell.Mnc},{cell.Area},{cell.Cell},,{cell.Longitude:R},{cell.Latitude:R},{cell.RangeMeters},{cell.Samples},1,{time},{time},0");
    }

    /// <summary>The fields of one line, with parsers that name the field when they refuse it.</summary>
    private readonly ref struct Fields(ReadOnlySpan<char> line, ReadOnlySpan<Range> ranges, long lineNumber)
    {
        private readonly ReadOnlySpan<char> _line = line;
        private readonly ReadOnlySpan<Range> _ranges = ranges;

        public ReadOnlySpan<char> this[int index] => _line[_ranges[index]];

        public CellCsvException Bad(int index, string problem) =>
            new(lineNumber, FieldNames[index], $"'{Shown(this[index])}' {problem}");

        public long Integer(int index, long min, long max)
        {
            var text = this[index].Trim();
            if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
                throw Bad(index, "is not a whole number");
            if (value < min || value > max)
                throw Bad(index, $"is outside [{min}, {max}]");
            return value;
        }

        public long? OptionalInteger(int index, long min, long max) =>
            this[index].Trim().IsEmpty ? null : Integer(index, min, max);

        public double Real(int index, double min, double max)
        {
            var text = this[index].Trim();
            if (!double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                    CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
                throw Bad(index, "is not a finite decimal number");
            if (value < min || value > max)
                throw Bad(index, $"is outside [{min}, {max}]");
            return value;
        }

        /// <summary>Field text for a message: short, and without control characters from a hostile file.</summary>
        private static string Shown(ReadOnlySpan<char> text)
        {
            var cut = text.Length > 32 ? text[..32] : text;
            var chars = cut.ToArray();
            for (var i = 0; i < chars.Length; i++)
                if (char.IsControl(chars[i])) chars[i] = '?';
            return new string(chars) + (text.Length > 32 ? "..." : "");
        }
    }
}
