namespace GeoEdge.Drivers.Modem;

public enum SimState
{
    Ready,
    PinRequired,
    PukRequired,
    NotInserted,
    NotReady,
    Error,
}

/// <summary>
/// AT+CPIN? (27.007 clause 8.3): "+CPIN: READY", "+CPIN: SIM PIN", ... and the vendor forms
/// "+CPIN: NOT INSERTED" / "+CPIN: NOT READY". Without a SIM many modems answer an error
/// instead (27.007 clause 9.2: 10 SIM not inserted, 11 PIN required, 12 PUK required, 13 SIM
/// failure, 14 SIM busy, 15 SIM wrong), numeric after AT+CMEE=1 or text after AT+CMEE=2.
/// </summary>
public static class SimStatusParser
{
    public const string Command = "AT+CPIN?";

    /// <summary>Never throws for an error answer: that is a SIM state too. Throws <see cref="AtParseException"/> for an unknown +CPIN code.</summary>
    public static SimState Parse(AtResponse response) => response.Final switch
    {
        AtFinal.Ok => Parse(response.Lines),
        AtFinal.CmeError => FromCmeError(response.ErrorCode),
        _ => SimState.Error,
    };

    public static SimState Parse(IReadOnlyList<string> lines)
    {
        var line = ResponseLines.Single(Command, lines, "+CPIN:");
        var code = line["+CPIN:".Length..].Trim().Trim('"').ToUpperInvariant();
        return code switch
        {
            "READY" => SimState.Ready,
            // PIN2/PUK2 guard only some phonebook and call-meter functions: the SIM itself is usable.
            "SIM PIN2" or "SIM PUK2" => SimState.Ready,
            "NOT INSERTED" or "SIM NOT INSERTED" or "NO SIM" => SimState.NotInserted,
            "NOT READY" or "SIM NOT READY" or "SIM BUSY" => SimState.NotReady,
            _ when code.EndsWith(" PUK", StringComparison.Ordinal) => SimState.PukRequired,
            _ when code.EndsWith(" PIN", StringComparison.Ordinal) => SimState.PinRequired,
            _ => throw new AtParseException(Command, line, "code", "not a +CPIN code of 27.007 or the vendor manuals"),
        };
    }

    /// <summary>The SIM state a +CME ERROR stands for.</summary>
    public static SimState FromCmeError(string? error)
    {
        var text = (error ?? "").Trim().ToUpperInvariant();
        return text switch
        {
            "10" or "SIM NOT INSERTED" => SimState.NotInserted,
            "11" or "SIM PIN REQUIRED" => SimState.PinRequired,
            "12" or "SIM PUK REQUIRED" => SimState.PukRequired,
            "14" or "SIM BUSY" => SimState.NotReady,
            _ => SimState.Error, // 13 SIM failure, 15 SIM wrong, anything else
        };
    }
}
