namespace GeoEdge.Hil.Rig.Simulators.Modem;

/// <summary>How a command was written (V.250 / 27.007): AT+X, AT+X?, AT+X=?, AT+X=args.</summary>
internal enum AtForm { Execute, Read, Test, Set }

/// <summary>
/// One command line, parsed: "AT+CEREG=2" is name "+CEREG", form Set, arguments "2"; "ATE0" is name "E", argument "0";
/// "AT" alone is name "". Names are upper-cased (AT is case-insensitive), arguments kept as sent. One command per line:
/// a ';' concatenation is not parsed and ends in ERROR.
/// </summary>
internal sealed record AtCommand(string Name, AtForm Form, string Arguments)
{
    /// <summary>The counter key: "AT", "ATI", "ATE", "AT+CIMI".</summary>
    public string Key => "AT" + Name;

    public static AtCommand? TryParse(string line)
    {
        if (line.Length < 2 || char.ToUpperInvariant(line[0]) != 'A' || char.ToUpperInvariant(line[1]) != 'T') return null;
        if (line.Any(c => c is < ' ' or > '~')) return null;
        var body = line[2..];
        if (body.Length == 0) return new AtCommand("", AtForm.Execute, "");
        return body[0] is '+' or '$' or '^' ? Extended(body) : Basic(body);
    }

    private static AtCommand? Extended(string body)
    {
        var end = 1;
        while (end < body.Length && (char.IsAsciiLetterOrDigit(body[end]) || body[end] is '_' or '.')) end++;
        if (end == 1) return null;
        var name = body[..end].ToUpperInvariant();
        var rest = body[end..];
        return rest switch
        {
            "" => new AtCommand(name, AtForm.Execute, ""),
            "?" => new AtCommand(name, AtForm.Read, ""),
            "=?" => new AtCommand(name, AtForm.Test, ""),
            _ when rest[0] == '=' => new AtCommand(name, AtForm.Set, rest[1..]),
            _ => null,
        };
    }

    /// <summary>A basic command: one letter (or '&amp;' and a letter) and an optional number (ATE0, ATI, AT&amp;F, ATZ).</summary>
    private static AtCommand? Basic(string body)
    {
        var nameLength = body[0] == '&' ? 2 : 1;
        if (body.Length < nameLength || !char.IsAsciiLetter(body[nameLength - 1])) return null;
        var number = body[nameLength..];
        if (!number.All(char.IsAsciiDigit) || number.Length > 3) return null;
        return new AtCommand(body[..nameLength].ToUpperInvariant(), AtForm.Execute, number);
    }

    /// <summary>The comma-separated arguments of a Set form, quotes removed; null if a quote is unbalanced.</summary>
    public IReadOnlyList<string>? SplitArguments()
    {
        var parts = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in Arguments)
        {
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted)
            {
                parts.Add(current.ToString().Trim());
                current.Clear();
            }
            else current.Append(c);
        }
        if (quoted) return null;
        parts.Add(current.ToString().Trim());
        return parts;
    }

    /// <summary>Argument <paramref name="index"/> as an integer in [min, max]; null when absent, empty or out of range.</summary>
    public static int? IntArgument(IReadOnlyList<string> args, int index, int min, int max) =>
        index < args.Count && int.TryParse(args[index], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            && value >= min && value <= max ? value : null;
}
