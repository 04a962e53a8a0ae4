namespace GeoEdge.Drivers.Modem;

/// <summary>AT+CIMI (27.007 clause 5.6): the bare IMSI, 6 to 15 digits (23.003 clause 2.2); "+CIMI: " tolerated.</summary>
public static class ImsiParser
{
    public const string Command = "AT+CIMI";

    public static string Parse(AtResponse response) => Parse(response.EnsureOk().Lines);

    public static string Parse(IReadOnlyList<string> lines)
    {
        var (imsi, line) = ResponseLines.SingleIdentifier(Command, lines, ["+CIMI:"], char.IsAsciiDigit);
        if (imsi.Length is < 6 or > 15 || !imsi.All(char.IsAsciiDigit))
            throw new AtParseException(Command, line, "IMSI", "not 6 to 15 decimal digits");
        return imsi;
    }
}
