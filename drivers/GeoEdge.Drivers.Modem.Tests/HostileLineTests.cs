namespace GeoEdge.Drivers.Modem.Tests;

/// <summary>Every parser, fed lines no modem should send: an AtParseException, never another exception.</summary>
public sealed class HostileLineTests
{
    private static readonly (string Name, Action<IReadOnlyList<string>> Parse)[] Parsers =
    [
        ("IMEI", l => ImeiParser.Parse(l)),
        ("IMSI", l => ImsiParser.Parse(l)),
        ("ICCID", l => IccidParser.Parse(l)),
        ("CRSM", l => IccidParser.FromCrsm(l)),
        ("CPIN", l => SimStatusParser.Parse(l)),
        ("COPS", l => OperatorParser.Parse(l)),
        ("CEREG", l => RegistrationParser.Parse(l)),
        ("CEREG URC", l => RegistrationParser.ParseUnsolicited(l.Count > 0 ? l[0] : "")),
        ("serving cell", l => ServingCellParser.Parse(l)),
        ("ATI", l => ModemIdentityParser.Parse(l)),
    ];

    private static readonly Dictionary<string, string> Lines = new()
    {
        ["empty"] = "",
        ["overlong digits"] = new string('7', 10_000),
        ["overlong prefixed"] = "+QENG: \"servingcell\",\"NOCONN\",\"LTE\",\"FDD\"," + string.Join(',', Enumerable.Repeat("99999999999999999999", 500)),
        ["binary"] = "\0\u0001\u00ff\u00fe+CEREG: \u0000,\u00ff",
        ["commas only"] = "+CEREG:" + new string(',', 200),
        ["quotes only"] = "+COPS: \"\"\"\"\"",
        ["unterminated quote"] = "+CPSI: \"LTE,Online",
        ["huge numbers"] = "+CEREG: 99999999999999999999,99999999999999999999,\"FFFFFFFFFFFFFFFFFFFF\",\"1\",99999999999",
        ["negative zero fields"] = "+QENG: \"servingcell\",\"NOCONN\",\"NR5G-SA\",\"TDD\",-0,-0,-0,-0,-0,-0,-0,-0,-0,-0,-0,-0,-",
        ["missing fields"] = "+QENG: \"servingcell\",\"NOCONN\",\"LTE\",\"FDD\",214",
        ["non-numeric MCC"] = "+QENG: \"servingcell\",\"NOCONN\",\"LTE\",\"FDD\",ABC,01,1A2B3C4,123,1850,3,5,5,1A2B,-95,-10,-65,12,-",
        ["non-numeric CPSI MCC"] = "+CPSI: LTE,Online,ABC-01,0x1A2B,27446212,123,EUTRAN-BAND3,1850,5,5,-10,-95,-65,12",
        ["prefix only"] = "+CPSI:",
        ["colon storm"] = "+QENG:::::::",
        ["hex overflow"] = "+CRSM: 144,0,\"" + new string('F', 5000) + "\"",
        ["unicode"] = "+COPS: 0,0,\"\u202eVodafone\u0000\",7",
    };

    public static TheoryData<string, string> HostileLines()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in Lines.Keys)
            foreach (var (parser, _) in Parsers)
                data.Add(parser, name);
        return data;
    }

    [Theory]
    [MemberData(nameof(HostileLines))]
    public void Hostile_line_gives_AtParseException_or_a_value(string parser, string lineName)
    {
        var line = Build(lineName);
        var parse = Parsers.Single(p => p.Name == parser).Parse;
        try
        {
            parse([line]);
        }
        catch (AtParseException e)
        {
            Assert.False(string.IsNullOrEmpty(e.Field));
            Assert.True(e.Message.Length < 600, "the message quotes a bounded part of the line");
        }
    }

    [Theory]
    [InlineData("overlong digits")]
    [InlineData("binary")]
    [InlineData("commas only")]
    [InlineData("missing fields")]
    [InlineData("non-numeric MCC")]
    [InlineData("non-numeric CPSI MCC")]
    [InlineData("huge numbers")]
    public void These_are_always_rejected_by_the_parser_they_target(string lineName)
    {
        var line = Build(lineName);
        var target = line.StartsWith("+QENG", StringComparison.Ordinal) || line.StartsWith("+CPSI", StringComparison.Ordinal) ? "serving cell"
            : line.StartsWith("+CEREG", StringComparison.Ordinal) || line.Contains("+CEREG") ? "CEREG" : "IMEI";
        var parse = Parsers.Single(p => p.Name == target).Parse;
        Assert.Throws<AtParseException>(() => parse([line]));
    }

    [Fact]
    public void The_exception_message_escapes_binary_and_truncates()
    {
        var error = Assert.Throws<AtParseException>(() => ImeiParser.Parse(["+CGSN: \u0001" + new string('9', 500)]));
        Assert.Contains("\\x01", error.Message);
        Assert.Contains("(508 chars)", error.Message);
        Assert.DoesNotContain('\u0001', error.Message);
    }

    private static string Build(string name) => Lines[name];
}
