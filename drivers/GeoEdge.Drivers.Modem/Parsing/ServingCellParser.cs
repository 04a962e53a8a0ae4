namespace GeoEdge.Drivers.Modem;

/// <summary>
/// The serving cell from Quectel AT+QENG="servingcell" or SIMCom AT+CPSI? (the answer's prefix
/// decides). Null means no service (Quectel SEARCH/LIMSRV, SIMCom NO SERVICE).
/// Cell ids as each vendor prints them: hexadecimal in QENG, decimal in CPSI.
/// </summary>
public static class ServingCellParser
{
    public const string QuectelCommand = QuectelServingCellParser.Command;
    public const string SimcomCommand = SimcomServingCellParser.Command;

    public static ServingCell? Parse(AtResponse response) => Parse(response.EnsureOk().Lines);

    public static ServingCell? Parse(IReadOnlyList<string> lines)
    {
        if (lines.Any(l => l.StartsWith("+QENG:", StringComparison.OrdinalIgnoreCase))) return ParseQeng(lines);
        if (lines.Any(l => l.StartsWith("+CPSI:", StringComparison.OrdinalIgnoreCase))) return ParseCpsi(lines);
        throw new AtParseException("serving cell", lines.Count > 0 ? lines[0] : null, "response", "neither a +QENG nor a +CPSI line");
    }

    public static ServingCell? ParseQeng(IReadOnlyList<string> lines) => QuectelServingCellParser.Parse(lines);

    public static ServingCell? ParseCpsi(IReadOnlyList<string> lines) => SimcomServingCellParser.Parse(lines);
}
