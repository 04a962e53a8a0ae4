namespace GeoEdge.Drivers.Modem;

/// <summary>
/// +COPS? answer. <see cref="Mode"/>: 0 automatic, 1 manual, 2 deregistered, 3 format only,
/// 4 manual then automatic. <see cref="Name"/> is set for the long or short alphanumeric formats
/// (0, 1), <see cref="Numeric"/> ("21401": MCC and MNC) for the numeric format (2).
/// </summary>
public sealed record OperatorInfo(int Mode, string? Name, string? Numeric, AccessTechnology? Act);

/// <summary>AT+COPS? (27.007 clause 7.3): "+COPS: 0,0,\"Vodafone ES\",7", "+COPS: 0,2,\"21401\",7", "+COPS: 0" (no operator).</summary>
public static class OperatorParser
{
    public const string Command = "AT+COPS?";
    private const int MaxNameLength = 64;

    public static OperatorInfo Parse(AtResponse response) => Parse(response.EnsureOk().Lines);

    public static OperatorInfo Parse(IReadOnlyList<string> lines)
    {
        var fields = AtFields.Parse(Command, ResponseLines.Single(Command, lines, "+COPS:"), "+COPS:");
        var mode = fields.Int(0, "mode", 0, 4);
        if (fields.Count == 1 || fields.IsMissing(1) && fields.IsMissing(2)) return new OperatorInfo(mode, null, null, null);
        var format = fields.Int(1, "format", 0, 2);
        var oper = fields.Text(2, "oper");
        var act = AccessTechnologies.Read(fields, 3);
        if (format == 2)
        {
            if (oper.Length is not (5 or 6) || !oper.All(char.IsAsciiDigit))
                throw fields.Error("oper", "numeric format is 5 or 6 digits (MCC + MNC)");
            return new OperatorInfo(mode, null, oper, act);
        }
        if (oper.Length > MaxNameLength) throw fields.Error("oper", $"name longer than {MaxNameLength} characters");
        return new OperatorInfo(mode, oper, null, act);
    }
}
