namespace GeoEdge.Drivers.Modem;

/// <summary>
/// Tells unsolicited result codes from response lines. Two rules: a response line of an
/// extended command +XYZ starts with "+XYZ:" (27.007 clause 4.1), so while +XYZ runs any other
/// "+ABC:" line is unsolicited; and while a basic command (ATI, ATE0) runs, only the known URC
/// prefixes below count as unsolicited, because such commands answer free text.
/// </summary>
internal static class UnsolicitedCodes
{
    // Whole-line URCs without a "+XYZ:" prefix (Quectel and SIMCom manuals, V.250 RING).
    private static readonly HashSet<string> BareCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "RDY", "POWERED DOWN", "NORMAL POWER DOWN", "UNDER-VOLTAGE POWER DOWN", "OVER-VOLTAGE POWER DOWN",
        "UNDER-VOLTAGE WARNING", "OVER-VOLTAGE WARNING", "RING", "PB DONE", "SMS DONE", "SIM READY",
    };

    // "+XYZ:" prefixes that are unsolicited whenever they are not the running command's own answer.
    private static readonly HashSet<string> KnownPrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "+CPIN", "+CEREG", "+CREG", "+CGREG", "+C5GREG", "+QIND", "+CPSI", "+QSIMSTAT", "+QUSIM",
        "+CMTI", "+CUSD", "+CTZV", "+CTZE", "+CGEV", "+QNITZ", "+CRING", "+CLIP", "+CIEV", "+QSTAT",
        "+CNSMOD", "+SIMCARD", "*ATREADY", "+CGNSINF",
    };

    /// <summary>Answer prefixes that differ from the command's own name.</summary>
    private static readonly Dictionary<string, string[]> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["+CCID"] = ["+ICCID"],
        ["+QCCID"] = ["+ICCID"],
        ["+CICCID"] = ["+ICCID"],
        ["+ICCID"] = ["+CCID"],
    };

    internal static bool IsBareCode(string line) => BareCodes.Contains(line);

    /// <summary>The "+XYZ" (or "*XYZ") before the first ':' of a line, or null when the line has none.</summary>
    internal static string? PrefixOf(string line)
    {
        if (line.Length < 2 || line[0] is not ('+' or '*')) return null;
        var colon = line.IndexOf(':');
        if (colon < 2) return null;
        var prefix = line[..colon].TrimEnd();
        foreach (var c in prefix.AsSpan(1))
            if (!char.IsAsciiLetterOrDigit(c)) return null;
        return prefix;
    }

    /// <summary>
    /// The prefixes a command's answer lines carry: "AT+CEREG?" gives +CEREG, "AT+CREG?;+CEREG?"
    /// gives both; a basic command (ATI) gives none.
    /// </summary>
    internal static IReadOnlySet<string> AnswerPrefixesOf(string command)
    {
        var prefixes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var body = command.Length > 2 ? command[2..] : "";
        foreach (var part in body.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part[0] != '+') continue;
            var end = 1;
            while (end < part.Length && char.IsAsciiLetterOrDigit(part[end])) end++;
            if (end == 1) continue;
            var name = part[..end];
            prefixes.Add(name);
            if (Aliases.TryGetValue(name, out var more)) prefixes.UnionWith(more);
        }
        return prefixes;
    }

    /// <summary>Whether <paramref name="line"/> is unsolicited while a command with these answer prefixes runs (null: no command).</summary>
    internal static bool IsUnsolicited(string line, IReadOnlySet<string>? answerPrefixes)
    {
        if (IsBareCode(line)) return true;
        var prefix = PrefixOf(line);
        if (prefix is null) return false;
        if (answerPrefixes is null) return KnownPrefixes.Contains(prefix);
        if (answerPrefixes.Contains(prefix)) return false;
        return answerPrefixes.Count > 0 || KnownPrefixes.Contains(prefix);
    }
}
