namespace GeoEdge.Drivers.Modem.Tests;

public sealed class NetworkParserTests
{
    [Theory]
    [InlineData("+CPIN: READY", SimState.Ready)]
    [InlineData("+CPIN: SIM PIN", SimState.PinRequired)]
    [InlineData("+CPIN: PH-SIM PIN", SimState.PinRequired)]
    [InlineData("+CPIN: SIM PUK", SimState.PukRequired)]
    [InlineData("+CPIN: SIM PIN2", SimState.Ready)]
    [InlineData("+CPIN: NOT INSERTED", SimState.NotInserted)]
    [InlineData("+CPIN: NOT READY", SimState.NotReady)]
    public void Cpin_codes(string line, SimState expected) =>
        Assert.Equal(expected, SimStatusParser.Parse(new AtResponse("AT+CPIN?", [line], AtFinal.Ok, null)));

    [Theory]
    [InlineData(AtFinal.CmeError, "10", SimState.NotInserted)]
    [InlineData(AtFinal.CmeError, "SIM not inserted", SimState.NotInserted)]
    [InlineData(AtFinal.CmeError, "13", SimState.Error)]
    [InlineData(AtFinal.CmeError, "14", SimState.NotReady)]
    [InlineData(AtFinal.CmeError, "11", SimState.PinRequired)]
    [InlineData(AtFinal.Error, null, SimState.Error)]
    public void Cpin_errors_are_states(AtFinal final, string? code, SimState expected) =>
        Assert.Equal(expected, SimStatusParser.Parse(new AtResponse("AT+CPIN?", [], final, code)));

    [Fact]
    public void Unknown_cpin_code() => Assert.Throws<AtParseException>(() => SimStatusParser.Parse(["+CPIN: BANANA"]));

    [Fact]
    public void Operator_forms()
    {
        Assert.Equal(new OperatorInfo(0, "Vodafone ES", null, AccessTechnology.EUtran), OperatorParser.Parse(["+COPS: 0,0,\"Vodafone ES\",7"]));
        Assert.Equal(new OperatorInfo(0, null, "21401", AccessTechnology.EUtran), OperatorParser.Parse(["+COPS: 0,2,\"21401\",7"]));
        Assert.Equal(new OperatorInfo(0, null, null, null), OperatorParser.Parse(["+COPS: 0"]));
        Assert.Equal(new OperatorInfo(1, "AT&T, Inc", null, null), OperatorParser.Parse(["+COPS: 1,0,\"AT&T, Inc\""]));
        Assert.Equal(new OperatorInfo(0, "999 70 Magic", null, AccessTechnology.NgRan), OperatorParser.Parse(["+COPS: 0,0,\"999 70 Magic\",12"]));
    }

    [Theory]
    [InlineData("+COPS: 0,2,\"2140\",7", "oper")]
    [InlineData("+COPS: 0,2,\"21A01\",7", "oper")]
    [InlineData("+COPS: 9,0,\"x\",7", "mode")]
    [InlineData("+COPS: 0,0,\"x\",99", "AcT")]
    [InlineData("+COPS: 0,0,\"unterminated,7", "parameter list")]
    public void Bad_operator(string line, string field) =>
        Assert.Equal(field, Assert.Throws<AtParseException>(() => OperatorParser.Parse([line])).Field);

    [Theory]
    [InlineData("+CEREG: 2,1,\"1A2B\",\"01A2B3C4\",7", RegistrationStatus.RegisteredHome, 0x1A2BL, 0x01A2B3C4L, AccessTechnology.EUtran)]
    [InlineData("+CEREG: 2,1,1A2B,01A2B3C4,7", RegistrationStatus.RegisteredHome, 0x1A2BL, 0x01A2B3C4L, AccessTechnology.EUtran)]
    [InlineData("+CEREG: 2,1,\"00001A2B\",\"01A2B3C4\",7", RegistrationStatus.RegisteredHome, 0x1A2BL, 0x01A2B3C4L, AccessTechnology.EUtran)]
    [InlineData("+CEREG: 2,5,\"1A2B\",\"01A2B3C4\",7", RegistrationStatus.RegisteredRoaming, 0x1A2BL, 0x01A2B3C4L, AccessTechnology.EUtran)]
    [InlineData("+CEREG: 3,1,\"1A2B\",\"01A2B3C4\",7,0,0", RegistrationStatus.RegisteredHome, 0x1A2BL, 0x01A2B3C4L, AccessTechnology.EUtran)]
    [InlineData("+CEREG: 4,1,\"1A2B\",\"01A2B3C4\",9,,,\"00100100\",\"01000111\"", RegistrationStatus.RegisteredHome, 0x1A2BL, 0x01A2B3C4L, AccessTechnology.EUtranNbS1)]
    [InlineData("+CEREG: 5,3,\"1A2B\",\"01A2B3C4\",7,0,15,,", RegistrationStatus.Denied, 0x1A2BL, 0x01A2B3C4L, AccessTechnology.EUtran)]
    [InlineData("+CGREG: 2,1,\"1A2B\",\"01A2B3C4\",7,\"01\"", RegistrationStatus.RegisteredHome, 0x1A2BL, 0x01A2B3C4L, AccessTechnology.EUtran)]
    [InlineData("+CREG: 2,1,\"1A2B\",\"0000C3A1\",0", RegistrationStatus.RegisteredHome, 0x1A2BL, 0xC3A1L, AccessTechnology.Gsm)]
    [InlineData("+C5GREG: 2,1,\"3C1A00\",\"2F6E8B00C\",11", RegistrationStatus.RegisteredHome, 0x3C1A00L, 0x2F6E8B00CL, AccessTechnology.Nr5Gcn)]
    public void Registration_read_responses(string line, RegistrationStatus status, long? tac, long? ci, AccessTechnology? act)
    {
        var registration = RegistrationParser.Parse([line]);
        Assert.Equal(new Registration(status, tac, ci, act), registration with { ReportingMode = null });
        Assert.NotNull(registration.ReportingMode);
    }

    [Fact]
    public void Registration_without_location()
    {
        var registration = RegistrationParser.Parse(["+CEREG: 2,0"]);
        Assert.Equal(new Registration(RegistrationStatus.NotRegistered, null, null, null) { ReportingMode = 2 }, registration);
        Assert.False(registration.IsRegistered);
        Assert.Equal(RegistrationStatus.Searching, RegistrationParser.Parse(["+CEREG: 0,2"]).Status);
    }

    [Fact]
    public void A_urc_inside_the_read_answer_is_skipped() =>
        Assert.Equal(RegistrationStatus.RegisteredRoaming,
            RegistrationParser.Parse(["+CEREG: 1,\"1A2B\",\"01A2B3C4\",7", "+CEREG: 2,5,\"1A2B\",\"01A2B3C4\",7"]).Status);

    [Theory]
    [InlineData("+CEREG: 1,\"1A2B\",\"01A2B3C4\",7", RegistrationStatus.RegisteredHome, 0x1A2BL, 0x01A2B3C4L, AccessTechnology.EUtran)]
    [InlineData("+CEREG: 5,1A2B,01A2B3C4,7", RegistrationStatus.RegisteredRoaming, 0x1A2BL, 0x01A2B3C4L, AccessTechnology.EUtran)]
    [InlineData("+CEREG: 2", RegistrationStatus.Searching, null, null, null)]
    [InlineData("+CREG: 1,\"00C3\",\"0000A1B2\"", RegistrationStatus.RegisteredHome, 0xC3L, 0xA1B2L, null)]
    public void Registration_urcs(string line, RegistrationStatus status, long? tac, long? ci, AccessTechnology? act) =>
        Assert.Equal(new Registration(status, tac, ci, act), RegistrationParser.ParseUnsolicited(line));

    [Theory]
    [InlineData("+CEREG: 2,1,\"1A2B\",\"FFFFFFFFFFFFFFFFF\",7", "ci")]
    [InlineData("+CEREG: 2,1,\"1A2G\",\"01A2B3C4\",7", "tac/lac")]
    [InlineData("+CEREG: 2,12", "stat")]
    [InlineData("+CEREG: 7,1", "n")]
    [InlineData("+CEREG: 2,1,\"1A2B\",\"01A2B3C4\",x", "AcT")]
    [InlineData("+CEREG: \"1A2B\"", "response")]
    public void Bad_registration(string line, string field) =>
        Assert.Equal(field, Assert.Throws<AtParseException>(() => RegistrationParser.Parse([line])).Field);

    [Fact]
    public void Bad_registration_urc() => Assert.Throws<AtParseException>(() => RegistrationParser.ParseUnsolicited("+QIND: \"csq\",20,99"));
}
