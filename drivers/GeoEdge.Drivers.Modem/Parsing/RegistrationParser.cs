namespace GeoEdge.Drivers.Modem;

/// <summary>&lt;stat&gt; of +CREG/+CGREG/+CEREG/+C5GREG (27.007 clause 7.2), with its numeric values.</summary>
public enum RegistrationStatus
{
    NotRegistered = 0,
    RegisteredHome = 1,
    Searching = 2,
    Denied = 3,
    Unknown = 4,
    RegisteredRoaming = 5,
    RegisteredSmsOnlyHome = 6,
    RegisteredSmsOnlyRoaming = 7,
    EmergencyOnly = 8,
    RegisteredCsfbNotPreferredHome = 9,
    RegisteredCsfbNotPreferredRoaming = 10,
    AttachedForRlos = 11,
}

/// <summary>
/// A registration report. <see cref="TrackingAreaCode"/> is the TAC (+CEREG, +C5GREG) or LAC
/// (+CREG, +CGREG); <see cref="CellId"/> the E-UTRAN (28 bit), NR (36 bit) or GERAN/UTRAN cell id.
/// Both are null when the modem does not report a location (n &lt; 2, or not registered).
/// </summary>
public sealed record Registration(RegistrationStatus Status, long? TrackingAreaCode, long? CellId, AccessTechnology? Act)
{
    public bool IsRegistered => Status is RegistrationStatus.RegisteredHome or RegistrationStatus.RegisteredRoaming
        or RegistrationStatus.RegisteredSmsOnlyHome or RegistrationStatus.RegisteredSmsOnlyRoaming
        or RegistrationStatus.RegisteredCsfbNotPreferredHome or RegistrationStatus.RegisteredCsfbNotPreferredRoaming;

    /// <summary>The &lt;n&gt; of a read response (which URC mode was set); null for an unsolicited report.</summary>
    public int? ReportingMode { get; init; }
}

/// <summary>
/// +CEREG, +CREG, +CGREG and +C5GREG, as read response ("+CEREG: 2,1,\"1A2B\",\"01A2B3C4\",7",
/// n = 0..5) and as unsolicited result code ("+CEREG: 1,\"1A2B\",\"01A2B3C4\",7", no n). TAC/LAC
/// and cell id are hexadecimal strings, quoted or not, possibly zero-padded ("00001A2B"). Fields
/// after &lt;AcT&gt; (RAC, cause type, reject cause, PSM timers, NSSAI) are not read.
/// </summary>
public static class RegistrationParser
{
    private static readonly string[] Prefixes = ["+CEREG:", "+CREG:", "+CGREG:", "+C5GREG:"];
    private const int MaxHexDigits = 16;
    private const long MaxAreaCode = 0xFFFFFF;     // 3-byte 5GS TAC; LAC and EPS TAC are 2 bytes
    private const long MaxCellId = 0xFFFFFFFFFL;   // 36-bit NR cell identity

    /// <summary>The read response (AT+CEREG? and friends). A URC that slipped into the answer is skipped.</summary>
    public static Registration Parse(AtResponse response) => Parse(response.EnsureOk().Lines, response.Command);

    public static Registration Parse(IReadOnlyList<string> lines, string command = "AT+CEREG?")
    {
        AtFields? solicited = null;
        foreach (var line in lines)
        {
            var prefix = ResponseLines.PrefixOf(line, Prefixes);
            if (prefix.Length == 0) continue;
            var fields = AtFields.Parse(command, line, prefix);
            // <n>,<stat>: the second parameter of a read response is an unquoted small integer,
            // where a URC has a quoted or hexadecimal area code (or nothing).
            if (fields.Count < 2 || fields.IsQuoted(1) || fields[1].Length > 2 || !fields[1].All(char.IsAsciiDigit)) continue;
            if (solicited is not null) throw fields.Error("response", "more than one registration read response");
            solicited = fields;
        }
        if (solicited is null)
            throw new AtParseException(command, lines.Count > 0 ? lines[0] : null, "response", "no +CREG/+CGREG/+CEREG/+C5GREG read response");
        var mode = solicited.Int(0, "n", 0, 5);
        return Read(solicited, 1) with { ReportingMode = mode };
    }

    /// <summary>An unsolicited report: "+CEREG: &lt;stat&gt;[,[&lt;tac&gt;],[&lt;ci&gt;],[&lt;AcT&gt;]...]".</summary>
    public static Registration ParseUnsolicited(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var prefix = ResponseLines.PrefixOf(line, Prefixes);
        var command = prefix.Length == 0 ? "+CEREG URC" : prefix.TrimEnd(':') + " URC";
        if (prefix.Length == 0) throw new AtParseException(command, line, "prefix", "not a +CREG/+CGREG/+CEREG/+C5GREG line");
        return Read(AtFields.Parse(command, line, prefix), 0);
    }

    /// <summary>Whether <paramref name="line"/> is a registration report this parser reads.</summary>
    public static bool IsRegistrationLine(string line) => ResponseLines.PrefixOf(line, Prefixes).Length > 0;

    private static Registration Read(AtFields fields, int statIndex)
    {
        var status = (RegistrationStatus)fields.Int(statIndex, "stat", 0, (int)RegistrationStatus.AttachedForRlos);
        var area = fields.Hex(statIndex + 1, "tac/lac", MaxHexDigits, MaxAreaCode);
        var cell = fields.Hex(statIndex + 2, "ci", MaxHexDigits, MaxCellId);
        var act = AccessTechnologies.Read(fields, statIndex + 3);
        return new Registration(status, area, cell, act);
    }
}
