namespace GeoEdge.Drivers.Modem;

/// <summary>
/// The SIM's ICCID (ITU-T E.118: 18 to 20 digits) from a vendor command — Quectel AT+QCCID
/// ("+QCCID: 8934011234567890123F"), AT+CCID ("+CCID: ..." or bare), SIMCom AT+CICCID
/// ("+ICCID: ...") — or from the raw EF_ICCID read with AT+CRSM=176,12258,0,0,10. A trailing
/// 'F' (filler nibble of an odd-length ICCID) is stripped. The check digit is not verified:
/// 20-digit ICCIDs in the field do not all carry one.
/// </summary>
public static class IccidParser
{
    public const string Command = "AT+CCID";
    public const string CrsmCommand = "AT+CRSM=176,12258,0,0,10";

    private static readonly string[] Prefixes = ["+QCCID:", "+CCID:", "+ICCID:"];

    public static string Parse(AtResponse response) => Parse(response.EnsureOk().Lines, response.Command);

    public static string Parse(IReadOnlyList<string> lines, string command = Command)
    {
        var (value, line) = ResponseLines.SingleIdentifier(command, lines, Prefixes, char.IsAsciiHexDigit);
        return Validate(command, line, value);
    }

    /// <summary>"+CRSM: 144,0,\"98431021436587092131\"": status words 90 00, then EF_ICCID with each byte's nibbles swapped (31.102 clause 4.1.1 / 11.11).</summary>
    public static string FromCrsm(AtResponse response) => FromCrsm(response.EnsureOk().Lines);

    public static string FromCrsm(IReadOnlyList<string> lines)
    {
        var line = ResponseLines.Single(CrsmCommand, lines, "+CRSM:");
        var fields = AtFields.Parse(CrsmCommand, line, "+CRSM:");
        fields.RequireCount(3, "+CRSM parameters");
        var sw1 = fields.Int(0, "sw1", 0, 255);
        var sw2 = fields.Int(1, "sw2", 0, 255);
        if (sw1 is not (0x90 or 0x91 or 0x92))
            throw fields.Error("sw1", $"SIM status {sw1:X2} {sw2:X2}, not success (90 00)");
        var raw = fields.Text(2, "EF_ICCID");
        if (raw.Length != 20 || !raw.All(char.IsAsciiHexDigit))
            throw fields.Error("EF_ICCID", "not 10 bytes of hexadecimal");
        var swapped = new char[raw.Length];
        for (var i = 0; i < raw.Length; i += 2)
        {
            swapped[i] = raw[i + 1];
            swapped[i + 1] = raw[i];
        }
        return Validate(CrsmCommand, line, new string(swapped));
    }

    private static string Validate(string command, string line, string value)
    {
        var digits = value.TrimEnd('F', 'f');
        if (digits.Length is < 18 or > 20 || !digits.All(char.IsAsciiDigit))
            throw new AtParseException(command, line, "ICCID", "not 18 to 20 decimal digits (a trailing F allowed)");
        return digits;
    }
}
