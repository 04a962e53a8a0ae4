using static GeoEdge.Drivers.Modem.Tests.ScriptedModem;

namespace GeoEdge.Drivers.Modem.Tests;

/// <summary>ModemReader over a socat pty against scripted Quectel and SIMCom modems.</summary>
public sealed class ModemReaderTests
{
    private const string QengLte = "+QENG: \"servingcell\",\"NOCONN\",\"LTE\",\"FDD\",214,01,1A2B3C4,123,1850,3,5,5,1A2B,-95,-10,-65,12,-";

    private static Dictionary<string, string?> Ec25() => new()
    {
        ["ATE0"] = Lines("OK"),
        ["AT+CMEE=1"] = Lines("OK"),
        ["ATI"] = Lines("Quectel", "EC25", "Revision: EC25EFAR06A06M4G", "OK"),
        ["AT+CGSN"] = Lines("867962041234561", "OK"),
        ["AT+CPIN?"] = Lines("+CPIN: READY", "OK"),
        ["AT+CIMI"] = Lines("214011234567890", "OK"),
        ["AT+QCCID"] = Lines("+QCCID: 8934011234567890123F", "OK"),
        ["AT+COPS?"] = Lines("+COPS: 0,0,\"Vodafone ES\",7", "OK"),
        ["AT+CEREG=2"] = Lines("OK"),
        ["AT+CEREG?"] = Lines("+CEREG: 2,1,\"1A2B\",\"01A2B3C4\",7", "OK"),
        ["AT+QENG=\"servingcell\""] = Lines(QengLte, "OK"),
        ["AT"] = Lines("OK"),
    };

    [Fact]
    public async Task A_quectel_modem_with_a_ready_sim_is_read_completely()
    {
        await using var rig = await PtyModemFixture.StartAsync(Table(Ec25()));
        var snapshot = await new ModemReader(rig.Channel, new FakeSimDetectLine(true)).ReadAsync();

        Assert.Empty(snapshot.Problems);
        Assert.Equal(ModemVendor.Quectel, snapshot.Vendor);
        Assert.Equal(("Quectel", "EC25", "EC25EFAR06A06M4G"), (snapshot.Manufacturer, snapshot.Model, snapshot.Revision));
        Assert.Equal(("867962041234561", "214011234567890", "8934011234567890123"), (snapshot.Imei, snapshot.Imsi, snapshot.Iccid));
        Assert.Equal((SimState.Ready, (bool?)true), (snapshot.Sim, snapshot.SimDetectLine));
        Assert.Equal(new OperatorInfo(0, "Vodafone ES", null, AccessTechnology.EUtran), snapshot.Operator);
        Assert.Equal(new Registration(RegistrationStatus.RegisteredHome, 0x1A2B, 0x01A2B3C4, AccessTechnology.EUtran) { ReportingMode = 2 }, snapshot.Registration);
        Assert.Equal(new ServingCell(RadioTechnology.Lte, 214, 1, 2, 0x1A2B, 0x1A2B3C4, 123, 1850, -95, -10, 12) { Band = 3 }, snapshot.Cell);
        Assert.Equal(["ATE0", "AT+CMEE=1", "ATI", "AT+CGSN", "AT+CPIN?", "AT+CIMI", "AT+QCCID", "AT+COPS?", "AT+CEREG=2", "AT+CEREG?", "AT+QENG=\"servingcell\""],
            rig.Modem.Received);
    }

    [Fact]
    public async Task A_simcom_modem_falls_back_to_CICCID_and_reads_CPSI()
    {
        var table = new Dictionary<string, string?>
        {
            ["ATE0"] = Lines("OK"),
            ["AT+CMEE=1"] = Lines("OK"),
            ["ATI"] = Lines("Manufacturer: SIMCOM INCORPORATED", "Model: SIMCOM_SIM7600E-H", "Revision: SIM7600M22_V1.1", "IMEI: 867962041234561", "+GCAP: +CGSM", "OK"),
            ["AT+CGSN"] = Lines("867962041234561", "OK"),
            ["AT+CPIN?"] = Lines("+CPIN: READY", "OK"),
            ["AT+CIMI"] = Lines("214011234567890", "OK"),
            ["AT+CCID"] = Lines("+CME ERROR: 4"),
            ["AT+CICCID"] = Lines("+ICCID: 8934011234567890123", "OK"),
            ["AT+COPS?"] = Lines("+COPS: 0,2,\"21401\",7", "OK"),
            ["AT+CEREG=2"] = Lines("OK"),
            ["AT+CEREG?"] = Lines("+CEREG: 2,5,1A2B,01A2B3C4,7", "OK"),
            ["AT+CPSI?"] = Lines("+CPSI: LTE,Online,214-01,0x1A2B,27446212,123,EUTRAN-BAND3,1850,5,5,-10,-95,-65,12", "OK"),
        };
        await using var rig = await PtyModemFixture.StartAsync(Table(table));
        var snapshot = await new ModemReader(rig.Channel).ReadAsync();

        Assert.Empty(snapshot.Problems);
        Assert.Equal(ModemVendor.Simcom, snapshot.Vendor);
        Assert.Equal("8934011234567890123", snapshot.Iccid);
        Assert.Null(snapshot.SimDetectLine);
        Assert.Equal("21401", snapshot.Operator!.Numeric);
        Assert.Equal(RegistrationStatus.RegisteredRoaming, snapshot.Registration!.Status);
        Assert.Equal(27446212, snapshot.Cell!.CellId);
        Assert.DoesNotContain("AT+QENG=\"servingcell\"", rig.Modem.Received);
    }

    [Fact]
    public async Task A_5G_standalone_module_not_registered_on_EPS_reports_its_C5GREG_registration()
    {
        var table = Ec25();
        table["ATI"] = Lines("Quectel", "RM500Q-GL", "Revision: RM500QGLABR11A06M4G", "OK");
        table["AT+COPS?"] = Lines("+COPS: 0,0,\"Movistar\",11", "OK");
        table["AT+CEREG?"] = Lines("+CEREG: 2,0", "OK");
        table["AT+C5GREG=2"] = Lines("OK");
        table["AT+C5GREG?"] = Lines("+C5GREG: 2,1,\"003C1A\",\"02F6E8B00C\",11,1,\"01\"", "OK");
        await using var rig = await PtyModemFixture.StartAsync(Table(table));
        var snapshot = await new ModemReader(rig.Channel).ReadAsync();

        Assert.Empty(snapshot.Problems);
        Assert.Equal(new Registration(RegistrationStatus.RegisteredHome, 0x3C1A, 0x2F6E8B00C, AccessTechnology.Nr5Gcn) { ReportingMode = 2 }, snapshot.Registration);
    }

    [Fact]
    public async Task An_LTE_module_that_is_not_registered_keeps_its_CEREG_answer_when_it_refuses_C5GREG()
    {
        var table = Ec25();
        table["AT+CEREG?"] = Lines("+CEREG: 2,2", "OK");
        await using var rig = await PtyModemFixture.StartAsync(Table(table));
        var snapshot = await new ModemReader(rig.Channel).ReadAsync();

        Assert.Empty(snapshot.Problems);
        Assert.Equal(RegistrationStatus.Searching, snapshot.Registration!.Status);
        Assert.Contains("AT+C5GREG=2", rig.Modem.Received);
        Assert.DoesNotContain("AT+C5GREG?", rig.Modem.Received);
    }

    [Fact]
    public async Task Without_vendor_iccid_commands_the_iccid_comes_from_EF_ICCID()
    {
        var table = Ec25();
        table.Remove("AT+QCCID");
        table[IccidParser.CrsmCommand] = Lines("+CRSM: 144,0,\"984310214365870921F3\"", "OK");
        await using var rig = await PtyModemFixture.StartAsync(Table(table));
        var snapshot = await new ModemReader(rig.Channel).ReadAsync();

        Assert.Equal("8934011234567890123", snapshot.Iccid);
        Assert.Empty(snapshot.Problems);
        Assert.Equal(["AT+QCCID", "AT+CCID", "AT+CICCID", IccidParser.CrsmCommand], rig.Modem.Received.Where(c => c.Contains("CCID") || c.Contains("CRSM")));
    }

    [Fact]
    public async Task Without_a_sim_the_identity_of_the_sim_is_skipped_and_said_why()
    {
        var table = Ec25();
        table["AT+CPIN?"] = Lines("+CME ERROR: 10");
        table["AT+COPS?"] = Lines("+COPS: 0", "OK");
        table["AT+CEREG?"] = Lines("+CEREG: 2,0", "OK");
        table["AT+QENG=\"servingcell\""] = Lines("+QENG: \"servingcell\",\"SEARCH\"", "OK");
        await using var rig = await PtyModemFixture.StartAsync(Table(table));
        var snapshot = await new ModemReader(rig.Channel, new FakeSimDetectLine(false)).ReadAsync();

        Assert.Equal((SimState.NotInserted, (bool?)false), (snapshot.Sim, snapshot.SimDetectLine));
        Assert.Equal((null, null), (snapshot.Imsi, snapshot.Iccid));
        Assert.Null(snapshot.Cell);
        Assert.Equal(new OperatorInfo(0, null, null, null), snapshot.Operator);
        Assert.Equal(["SIM NotInserted: IMSI and ICCID not read"], snapshot.Problems);
        Assert.DoesNotContain("AT+CIMI", rig.Modem.Received);
    }

    [Fact]
    public async Task A_broken_step_is_a_problem_naming_command_and_field_and_the_rest_is_read()
    {
        var table = Ec25();
        table["AT+CGSN"] = Lines("867962041234567", "OK"); // bad check digit
        table["AT+QENG=\"servingcell\""] = Lines("+QENG: \"servingcell\",\"NOCONN\",\"LTE\",\"FDD\",2X4,01,1A2B3C4,123,1850,3,5,5,1A2B,-95,-10,-65,12,-", "OK");
        table["AT+COPS?"] = Lines("+CME ERROR: 30");
        await using var rig = await PtyModemFixture.StartAsync(Table(table));
        var snapshot = await new ModemReader(rig.Channel, new ThrowingSimDetectLine()).ReadAsync();

        Assert.Null(snapshot.Imei);
        Assert.Null(snapshot.Cell);
        Assert.Null(snapshot.Operator);
        Assert.Null(snapshot.SimDetectLine);
        Assert.Equal("214011234567890", snapshot.Imsi);
        Assert.NotNull(snapshot.Registration);
        Assert.Collection(snapshot.Problems,
            p => Assert.Contains("AT+CGSN: bad IMEI", p),
            p => Assert.Contains("no chip here", p),
            p => Assert.Equal("AT+COPS?: modem answered +CME ERROR: 30", p),
            p => Assert.Contains("AT+QENG=\"servingcell\": bad MCC", p));
    }

    [Fact]
    public async Task A_modem_that_goes_silent_stops_the_pass_early()
    {
        ScriptedModem? modem = null;
        var table = Ec25();
        await using var rig = await PtyModemFixture.StartAsync(command =>
        {
            if (command != "AT+CIMI") return Table(table)(command);
            modem!.Silent = true; // dies right here, never answers again
            return null;
        });
        modem = rig.Modem;
        var snapshot = await new ModemReader(rig.Channel).ReadAsync();

        Assert.Equal("867962041234561", snapshot.Imei);
        Assert.Null(snapshot.Imsi);
        Assert.Null(snapshot.Registration);
        var problem = Assert.Single(snapshot.Problems);
        Assert.Contains("AT+CIMI: modem unavailable", problem);
        Assert.DoesNotContain("AT+COPS?", rig.Modem.Received);
    }

    private sealed class ThrowingSimDetectLine : ISimDetectLine
    {
        public bool? IsInserted() => throw new SimDetectException("SIM detect line 3 of chip 'x': no chip here");
    }
}
