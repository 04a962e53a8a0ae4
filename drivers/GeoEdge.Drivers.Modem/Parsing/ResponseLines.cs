namespace GeoEdge.Drivers.Modem;

/// <summary>Picks the line a parser reads out of a response's information lines.</summary>
internal static class ResponseLines
{
    /// <summary>The single line starting with one of <paramref name="prefixes"/> (case-insensitive).</summary>
    internal static string Single(string command, IReadOnlyList<string> lines, params string[] prefixes)
    {
        string? found = null;
        foreach (var line in lines)
        {
            if (!prefixes.Any(p => line.StartsWith(p, StringComparison.OrdinalIgnoreCase))) continue;
            if (found is not null && found != line)
                throw new AtParseException(command, line, "response", $"more than one {string.Join(" or ", prefixes)} line");
            found = line;
        }
        return found ?? throw new AtParseException(command, lines.Count > 0 ? lines[0] : null, "response", $"no {string.Join(" or ", prefixes)} line among {lines.Count}");
    }

    /// <summary>The prefix of <paramref name="line"/> among <paramref name="prefixes"/>, or "" when it has none of them.</summary>
    internal static string PrefixOf(string line, IEnumerable<string> prefixes) =>
        prefixes.FirstOrDefault(p => line.StartsWith(p, StringComparison.OrdinalIgnoreCase)) ?? "";

    /// <summary>
    /// The one identifier in a response that may print it bare ("867962041234567"), prefixed
    /// ("+CGSN: 8679..."), quoted or both: the lines that carry digits, with prefix and quotes
    /// removed. Lines of other text (a modem's banner, stray noise) are ignored; two different
    /// identifiers are an error.
    /// </summary>
    internal static (string Value, string Line) SingleIdentifier(string command, IReadOnlyList<string> lines, string[] prefixes, Func<char, bool> allowed)
    {
        (string Value, string Line)? found = null;
        foreach (var line in lines)
        {
            var prefix = PrefixOf(line, prefixes);
            var body = line[prefix.Length..].Trim();
            if (body.Length >= 2 && body[0] == '"' && body[^1] == '"') body = body[1..^1].Trim();
            if (prefix.Length == 0 && (body.Length == 0 || !body.All(allowed))) continue;
            if (found is { } previous && previous.Value != body)
                throw new AtParseException(command, line, "response", $"two different values ('{AtParseException.Quote(previous.Value)}' and this one)");
            found = (body, line);
        }
        return found ?? throw new AtParseException(command, lines.Count > 0 ? lines[0] : null, "response", $"no identifier line among {lines.Count}");
    }
}
