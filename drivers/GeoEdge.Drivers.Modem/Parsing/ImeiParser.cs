namespace GeoEdge.Drivers.Modem;

/// <summary>
/// AT+CGSN (27.007 clause 5.4): "867962041234567", "+CGSN: 867962041234567" or
/// "+CGSN: \"867962041234567\"". An IMEI is 15 digits whose last is a Luhn check digit (23.003).
/// </summary>
public static class ImeiParser
{
    public const string Command = "AT+CGSN";

    public static string Parse(AtResponse response) => Parse(response.EnsureOk().Lines);

    public static string Parse(IReadOnlyList<string> lines)
    {
        var (imei, line) = ResponseLines.SingleIdentifier(Command, lines, ["+CGSN:"], char.IsAsciiDigit);
        if (imei.Length != 15 || !imei.All(char.IsAsciiDigit))
            throw new AtParseException(Command, line, "IMEI", "not 15 decimal digits");
        if (!Luhn.IsValid(imei))
            throw new AtParseException(Command, line, "IMEI", "Luhn check digit does not match");
        return imei;
    }
}
