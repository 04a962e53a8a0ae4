using System.Globalization;

namespace GeoEdge.Drivers.Modem;

/// <summary>
/// The comma-separated parameters of one response line, split outside double quotes, trimmed,
/// with their quotes removed. Every accessor names the command, line and field in the
/// <see cref="AtParseException"/> it throws, so a parser is a list of field reads.
/// </summary>
internal sealed class AtFields
{
    /// <summary>More parameters than any response we read has; beyond it the line is hostile.</summary>
    internal const int MaxFields = 64;

    private readonly string[] _values;
    private readonly bool[] _quoted;

    public string Command { get; }
    public string Line { get; }
    public int Count => _values.Length;

    private AtFields(string command, string line, string[] values, bool[] quoted)
    {
        Command = command;
        Line = line;
        _values = values;
        _quoted = quoted;
    }

    /// <summary>Splits the part of <paramref name="line"/> after <paramref name="prefix"/> (e.g. "+CEREG:"); pass "" for a bare line.</summary>
    public static AtFields Parse(string command, string line, string prefix)
    {
        if (!line.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            throw new AtParseException(command, line, "prefix", $"expected a line starting with '{prefix}'");
        var body = line.AsSpan(prefix.Length);
        var values = new List<string>();
        var quoted = new List<bool>();
        var start = 0;
        var inQuotes = false;
        for (var i = 0; i <= body.Length; i++)
        {
            if (i < body.Length && body[i] == '"') inQuotes = !inQuotes;
            if (i < body.Length && (inQuotes || body[i] != ',')) continue;
            if (inQuotes) throw new AtParseException(command, line, "parameter list", "unterminated double quote");
            if (values.Count == MaxFields)
                throw new AtParseException(command, line, "parameter list", $"more than {MaxFields} parameters");
            var field = body[start..i].Trim();
            var isQuoted = field.Length >= 2 && field[0] == '"' && field[^1] == '"';
            if (isQuoted) field = field[1..^1];
            else if (field.Contains('"')) throw new AtParseException(command, line, $"parameter {values.Count + 1}", "misplaced double quote");
            values.Add(field.ToString());
            quoted.Add(isQuoted);
            start = i + 1;
        }
        return new AtFields(command, line, values.ToArray(), quoted.ToArray());
    }

    public string this[int index] => index < _values.Length ? _values[index] : "";

    public bool IsQuoted(int index) => index < _quoted.Length && _quoted[index];

    /// <summary>Absent, empty or "-" (Quectel's "not available").</summary>
    public bool IsMissing(int index) => index >= _values.Length || _values[index].Length == 0 || _values[index] == "-";

    public AtParseException Error(string field, string reason) => new(Command, Line, field, reason);

    public void RequireCount(int minimum, string what)
    {
        if (_values.Length < minimum) throw Error(what, $"{_values.Length} parameters, at least {minimum} expected");
    }

    public string Text(int index, string field)
    {
        if (IsMissing(index)) throw Error(field, "missing");
        return _values[index];
    }

    public int Int(int index, string field, int min, int max) => Int(index, field, min, max, null) ?? throw Error(field, "missing");

    /// <summary>A decimal integer within [min, max]; null when missing or equal to <paramref name="invalidMarker"/>.</summary>
    public int? Int(int index, string field, int min, int max, int? invalidMarker)
    {
        if (IsMissing(index)) return null;
        var text = _values[index];
        if (text.Length > 12 || !int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            throw Error(field, $"'{Trim(text)}' is not a decimal integer");
        if (value == invalidMarker) return null;
        if (value < min || value > max) throw Error(field, $"{value} is outside {min}..{max}");
        return value;
    }

    /// <summary>A hexadecimal number (optional "0x"), at most <paramref name="maxDigits"/> digits and <paramref name="max"/>; null when missing.</summary>
    public long? Hex(int index, string field, int maxDigits, long max)
    {
        if (IsMissing(index)) return null;
        var text = _values[index].AsSpan();
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) text = text[2..];
        if (text.Length == 0 || text.Length > maxDigits || !long.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
            throw Error(field, $"'{Trim(_values[index])}' is not a hexadecimal number of at most {maxDigits} digits");
        if (value > max) throw Error(field, $"0x{value:X} exceeds 0x{max:X}");
        return value;
    }

    /// <summary>An unsigned decimal of at most <paramref name="maxDigits"/> digits; null when missing.</summary>
    public long? Decimal(int index, string field, int maxDigits, long max)
    {
        if (IsMissing(index)) return null;
        var text = _values[index];
        if (text.Length > maxDigits || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            throw Error(field, $"'{Trim(text)}' is not an unsigned decimal of at most {maxDigits} digits");
        if (value > max) throw Error(field, $"{value} exceeds {max}");
        return value;
    }

    private static string Trim(string text) => text.Length <= 24 ? text : text[..24] + "...";
}
