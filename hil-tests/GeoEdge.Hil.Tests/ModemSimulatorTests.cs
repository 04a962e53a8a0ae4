using System.Text;
using System.Text.RegularExpressions;
using GeoEdge.Drivers.Serial;
using GeoEdge.Hil.Rig.Processes;
using GeoEdge.Hil.Rig.Serial;
using GeoEdge.Hil.Rig.Simulators.Modem;
using Xunit.Abstractions;

namespace GeoEdge.Hil.Tests;

/// <summary>
/// The modem simulator driven the way the agent drives a module: raw AT text over the device end of a socat pty pair.
/// Every exchange is compared byte for byte (echo, CRLFs, final result), because the agent's parsers are written
/// against exactly these bytes.
/// </summary>
public class ModemSimulatorTests(ITestOutputHelper output)
{
    private const string Imei = SimulatedModemState.ExampleImei;

    [Fact]
    public async Task Quectel_EC25_answers_the_canonical_exchanges()
    {
        await using var bench = await ModemBench.StartAsync(ModemProfile.QuectelEc25, output);
        var host = bench.Host;
        host.Exchange("AT", Echoed("AT", Ok()));
        host.Exchange("ATI", Echoed("ATI", Ok("Quectel", "EC25", "Revision: EC25EFAR06A06M4G")));
        host.Exchange("ATE0", Echoed("ATE0", Ok()));
        host.Exchange("AT+CGMI", Ok("Quectel"));
        host.Exchange("AT+CGMM", Ok("EC25"));
        host.Exchange("AT+CGSN", Ok(Imei));
        host.Exchange("AT+CIMI", Ok("214011234567890"));
        host.Exchange("AT+QCCID", Ok("+QCCID: 8934011234567890123F"));
        host.Exchange("AT+CRSM=176,12258,0,0,10", Ok("+CRSM: 144,0,\"984310214365870921F3\""));
        host.Exchange("AT+CPIN?", Ok("+CPIN: READY"));
        host.Exchange("AT+COPS?", Ok("+COPS: 0,0,\"Vodafone ES\",7"));
        host.Exchange("AT+COPS=3,2", Ok());
        host.Exchange("AT+COPS?", Ok("+COPS: 0,2,\"21401\",7"));
        host.Exchange("AT+CEREG?", Ok("+CEREG: 0,1"));
        host.Exchange("AT+CEREG=2", Ok());
        host.Exchange("AT+CEREG?", Ok("+CEREG: 2,1,\"1A2B\",\"01A2B3C4\",7"));
        host.Exchange("AT+QENG=\"servingcell\"", Ok("+QENG: \"servingcell\",\"NOCONN\",\"LTE\",\"FDD\",214,01,1A2B3C4,123,1850,3,5,5,1A2B,-95,-10,-65,12,-"));
        // Unknown commands and the other vendor's commands are refused with a plain ERROR, whatever AT+CMEE says.
        host.Exchange("AT+FOO", Error());
        host.Exchange("AT+CICCID", Error());
        host.Exchange("AT+CCID", Error());
        host.Exchange("AT+CPSI?", Error());
        host.AssertQuiet(TimeSpan.FromMilliseconds(300));

        Assert.Equal(3, bench.Simulator.AnsweredCount("AT+COPS"));
        Assert.Equal(1, bench.Simulator.AnsweredCount("AT+QCCID"));
        Assert.Equal(1, bench.Simulator.AnsweredCount("AT+CICCID"));
        Assert.Equal(0, bench.Simulator.GarbageLinesAnswered);
    }

    [Fact]
    public async Task SIMCom_SIM7600_answers_the_canonical_exchanges()
    {
        await using var bench = await ModemBench.StartAsync(ModemProfile.SimcomSim7600, output);
        var host = bench.Host;
        host.Exchange("ATI", Echoed("ATI", Ok("Manufacturer: SIMCOM INCORPORATED", "Model: SIMCOM_SIM7600E-H", "Revision: LE20B04SIM7600M22", $"IMEI: {Imei}", "+GCAP: +CGSM")));
        host.Exchange("ATE0", Echoed("ATE0", Ok()));
        host.Exchange("AT+CGMI", Ok("SIMCOM INCORPORATED"));
        host.Exchange("AT+CGMM", Ok("SIMCOM_SIM7600E-H"));
        host.Exchange("AT+CGMR", Ok("+CGMR: LE20B04SIM7600M22"));
        host.Exchange("AT+CGSN", Ok(Imei));
        host.Exchange("AT+CICCID", Ok("+ICCID: 8934011234567890123"));
        host.Exchange("AT+CCID", Ok("+CCID: 8934011234567890123"));
        host.Exchange("AT+CRSM=176,12258,0,0,10", Ok("+CRSM: 144,0,\"984310214365870921F3\""));
        host.Exchange("AT+CPSI?", Ok("+CPSI: LTE,Online,214-01,0x1A2B,27440068,123,EUTRAN-BAND3,1850,5,5,-100,-950,-650,12"));
        host.Exchange("AT+QCCID", Error());
        host.Exchange("AT+QENG=\"servingcell\"", Error());

        bench.Simulator.LoseService();
        host.Exchange("AT+CPSI?", Ok("+CPSI: NO SERVICE,Online"));
        host.Exchange("AT+COPS?", Ok("+COPS: 0"));
        Assert.Equal(2, bench.Simulator.AnsweredCount("AT+CPSI"));
    }

    public static TheoryData<string, string[], string, string> ServingCells => new()
    {
        { ModemProfile.QuectelBg96.Name, ["+QENG: \"servingcell\",\"NOCONN\",\"eMTC\",\"FDD\",214,01,1A2B3C4,123,6300,20,3,3,1A2B,-98,-11,-68,9,-"],
            "+COPS: 0,0,\"Vodafone ES\",8", "+CEREG: 2,1,\"1A2B\",\"01A2B3C4\",8" },
        { ModemProfile.QuectelRm500qNsa.Name, ["+QENG: \"servingcell\",\"NOCONN\"",
            "+QENG: \"LTE\",\"FDD\",214,01,1A2B3C4,123,1850,3,5,5,1A2B,-95,-10,-65,12,10,100,-",
            "+QENG: \"NR5G-NSA\",214,01,501,-88,18,-11,627264,78,12,1"],
            "+COPS: 0,0,\"Vodafone ES\",13", "+CEREG: 2,1,\"1A2B\",\"01A2B3C4\",13" },
        // SA: the example SIM (214-01) roams on 214-07; EPS registration is absent, 5GS registration carries the cell.
        { ModemProfile.QuectelRm500qSa.Name, ["+QENG: \"servingcell\",\"NOCONN\",\"NR5G-SA\",\"TDD\",214,07,2F6E8B00C,501,3C1A,627264,78,12,-88,-11,18,0,-"],
            "+COPS: 0,0,\"Movistar\",11", "+CEREG: 2,0" },
    };

    [Theory]
    [MemberData(nameof(ServingCells))]
    public async Task Each_Quectel_module_reports_its_serving_cell_in_its_own_layout(string profileName, string[] qeng, string cops, string cereg)
    {
        var profile = ModemProfile.All.Single(p => p.Name == profileName);
        await using var bench = await ModemBench.StartAsync(profile, output, echo: false);
        var host = bench.Host;
        host.Exchange("AT+QENG=\"servingcell\"", Ok(qeng));
        host.Exchange("AT+COPS?", Ok(cops));
        host.Exchange("AT+CEREG=2", Ok());
        host.Exchange("AT+CEREG?", Ok(cereg));
        if (profile.Has5g)
        {
            host.Exchange("AT+C5GREG=2", Ok());
            host.Exchange("AT+C5GREG?", Ok(profile == ModemProfile.QuectelRm500qSa ? "+C5GREG: 2,5,\"003C1A\",\"2F6E8B00C\",11" : "+C5GREG: 2,0"));
        }
        else host.Exchange("AT+C5GREG?", Error());

        bench.Simulator.LoseService();
        host.ExpectUrcs(profile.Has5g ? ["+CEREG: 2", "+C5GREG: 2"] : ["+CEREG: 2"]);
        host.Exchange("AT+QENG=\"servingcell\"", Ok("+QENG: \"servingcell\",\"SEARCH\""));
    }

    [Fact]
    public async Task Echo_follows_ATE_and_lines_may_end_in_CR_or_CRLF_in_either_case()
    {
        await using var bench = await ModemBench.StartAsync(ModemProfile.QuectelEc25, output);
        var host = bench.Host;
        host.Exchange("AT", Echoed("AT", Ok()));
        host.Exchange("ATE0", Echoed("ATE0", Ok()));
        host.Exchange("AT", Ok());
        host.Exchange("at+cgmm", Ok("EC25"));
        host.SendRaw("AT+CGMM\r\n");
        host.ExpectExactly(Ok("EC25"));
        // The LF after the CR is not a second, empty command.
        host.AssertQuiet(TimeSpan.FromMilliseconds(300));
        host.Exchange("ATE1", Ok());
        host.Exchange("AT+CGMM", Echoed("AT+CGMM", Ok("EC25")));
        Assert.Equal(2, bench.Simulator.AnsweredCount("ATE"));
        Assert.Equal(3, bench.Simulator.AnsweredCount("AT+CGMM"));
    }

    [Fact]
    public async Task CMEE_decides_how_a_missing_SIM_is_reported()
    {
        var state = SimulatedModemState.ExampleFor(ModemProfile.QuectelEc25) with { Sim = null };
        await using var bench = await ModemBench.StartAsync(ModemProfile.QuectelEc25, output, echo: false, state: state);
        var host = bench.Host;
        host.Exchange("AT+CIMI", CmeError("10"));
        host.Exchange("AT+CMEE=0", Ok());
        host.Exchange("AT+CIMI", Error());
        host.Exchange("AT+CMEE=2", Ok());
        host.Exchange("AT+CIMI", CmeError("SIM not inserted"));
        host.Exchange("AT+CPIN?", CmeError("SIM not inserted"));
        host.Exchange("AT+QCCID", CmeError("SIM not inserted"));
        host.Exchange("AT+CMEE?", Ok("+CMEE: 2"));
        host.Exchange("AT+CMEE=3", Error());
        host.Exchange("AT+COPS?", Ok("+COPS: 0"));
        host.Exchange("AT+QENG=\"servingcell\"", Ok("+QENG: \"servingcell\",\"LIMSRV\",\"LTE\",\"FDD\",214,01,1A2B3C4,123,1850,3,5,5,1A2B,-95,-10,-65,12,-"));
    }

    [Fact]
    public async Task Removing_the_SIM_sends_its_URCs_and_then_the_IMSI_is_gone()
    {
        await using var bench = await ModemBench.StartAsync(ModemProfile.QuectelEc25, output, echo: false);
        var host = bench.Host;
        host.Exchange("AT+CEREG=2", Ok());
        host.Exchange("AT+QSIMSTAT=1", Ok());
        bench.Simulator.RemoveSim();
        host.ExpectUrcs("+CPIN: NOT READY", "+QSIMSTAT: 1,0", "+CEREG: 0");
        host.Exchange("AT+CIMI", CmeError("10"));
        host.Exchange("AT+CPIN?", CmeError("10"));
        host.Exchange("AT+QSIMSTAT?", Ok("+QSIMSTAT: 1,0"));
        host.Exchange("AT+CEREG?", Ok("+CEREG: 2,0"));

        bench.Simulator.InsertSim(SimulatedSim.Example);
        host.ExpectUrcs("+CPIN: READY", "+QSIMSTAT: 1,1", "+CEREG: 1,\"1A2B\",\"01A2B3C4\",7");
        host.Exchange("AT+CIMI", Ok("214011234567890"));
    }

    [Fact]
    public async Task A_swapped_SIM_is_removed_then_inserted_and_reports_its_own_identity()
    {
        await using var bench = await ModemBench.StartAsync(ModemProfile.QuectelEc25, output, echo: false);
        var host = bench.Host;
        host.Exchange("AT+CEREG=2", Ok());
        host.Exchange("AT+QCCID", Ok("+QCCID: 8934011234567890123F"));
        // A 20-digit ICCID has no padding nibble; the new IMSI is from 214-07, so on 214-01 it roams.
        var other = new SimulatedSim("89340720000000000017", "214079876543210");
        bench.Simulator.SwapSim(other);
        host.ExpectUrcs("+CPIN: NOT READY", "+CEREG: 0", "+CPIN: READY", "+CEREG: 5,\"1A2B\",\"01A2B3C4\",7");
        host.Exchange("AT+QCCID", Ok("+QCCID: 89340720000000000017"));
        host.Exchange("AT+CRSM=176,12258,0,0,10", Ok("+CRSM: 144,0,\"98437002000000000071\""));
        host.Exchange("AT+CIMI", Ok("214079876543210"));
        Assert.Equal(other, bench.Simulator.State.Sim);
        Assert.Equal(2, bench.Simulator.AnsweredCount("AT+QCCID"));
    }

    [Fact]
    public async Task A_PIN_locked_SIM_keeps_its_IMSI_until_the_right_PIN()
    {
        var state = SimulatedModemState.ExampleFor(ModemProfile.QuectelEc25) with { Sim = SimulatedSim.Example with { Pin = "1234" } };
        await using var bench = await ModemBench.StartAsync(ModemProfile.QuectelEc25, output, echo: false, state: state, simStatus: "+CPIN: SIM PIN");
        var host = bench.Host;
        host.Exchange("AT+CEREG=2", Ok());
        host.Exchange("AT+CPIN?", Ok("+CPIN: SIM PIN"));
        host.Exchange("AT+CIMI", CmeError("11"));
        host.Exchange("AT+QCCID", Ok("+QCCID: 8934011234567890123F"));
        host.Exchange("AT+CPIN=\"0000\"", CmeError("16"));
        host.Exchange("AT+CPIN=\"1234\"", Ok());
        host.ExpectUrcs("+CPIN: READY", "+CEREG: 1,\"1A2B\",\"01A2B3C4\",7");
        host.Exchange("AT+CIMI", Ok("214011234567890"));
    }

    [Fact]
    public async Task A_cell_change_is_reported_with_CEREG_2_and_losing_service_too()
    {
        await using var bench = await ModemBench.StartAsync(ModemProfile.QuectelEc25, output, echo: false);
        var host = bench.Host;
        var neighbour = SimulatedCell.ExampleLte with { Tac = 0x1A2C, CellId = 0x1A2B3C5, Pci = 124, Rsrp = -101 };

        // Mode 1 reports only a change of stat: a handover between two cells says nothing.
        host.Exchange("AT+CEREG=1", Ok());
        bench.Simulator.SetCell(neighbour);
        host.AssertQuiet(TimeSpan.FromMilliseconds(400));

        host.Exchange("AT+CEREG=2", Ok());
        bench.Simulator.SetCell(SimulatedCell.ExampleLte);
        host.ExpectUrcs("+CEREG: 1,\"1A2B\",\"01A2B3C4\",7");
        bench.Simulator.SetCell(neighbour);
        host.ExpectUrcs("+CEREG: 1,\"1A2C\",\"01A2B3C5\",7");
        host.Exchange("AT+QENG=\"servingcell\"", Ok("+QENG: \"servingcell\",\"NOCONN\",\"LTE\",\"FDD\",214,01,1A2B3C5,124,1850,3,5,5,1A2C,-101,-10,-65,12,-"));

        bench.Simulator.LoseService();
        host.ExpectUrcs("+CEREG: 2");
        host.Exchange("AT+CEREG?", Ok("+CEREG: 2,2"));
        host.Exchange("AT+COPS?", Ok("+COPS: 0"));
        host.Exchange("AT+QENG=\"servingcell\"", Ok("+QENG: \"servingcell\",\"SEARCH\""));

        Assert.Throws<ArgumentException>(() => bench.Simulator.SetCell(SimulatedCell.ExampleNr5gSa));
        Assert.Throws<ArgumentOutOfRangeException>(() => bench.Simulator.SetCell(SimulatedCell.ExampleLte with { Pci = 504 }));
        Assert.Null(bench.Simulator.State.Cell);
    }

    [Fact]
    public async Task A_silent_modem_answers_nothing_and_forgets_what_it_ignored()
    {
        await using var bench = await ModemBench.StartAsync(ModemProfile.QuectelEc25, output, echo: false);
        var host = bench.Host;
        host.Exchange("AT+CEREG=2", Ok());
        bench.Simulator.GoSilent(true);
        host.SendRaw("AT+CIMI\r");
        bench.Simulator.RemoveSim();
        host.AssertQuiet(TimeSpan.FromMilliseconds(700));

        bench.Simulator.GoSilent(false);
        host.Exchange("AT", Ok());
        Assert.Equal(1, bench.Simulator.LinesIgnoredWhileSilent);
        Assert.Equal(2, bench.Simulator.UrcsDropped);
        Assert.Equal(0, bench.Simulator.AnsweredCount("AT+CIMI"));
        host.Exchange("AT+CIMI", CmeError("10"));
    }

    [Fact]
    public async Task Garbage_is_answered_ERROR_both_ways_and_the_modem_keeps_working()
    {
        await using var bench = await ModemBench.StartAsync(ModemProfile.QuectelEc25, output, echo: false, maxCommandLength: 256);
        var host = bench.Host;
        host.SendRaw([0x01, 0x02, 0xFF, (byte)'x', (byte)'\r']);
        host.ExpectExactly(Error());
        host.Exchange("HELLO", Error());
        host.Exchange("AT+", Error());
        host.Exchange("AT+CIMI;+CGMM", Error());
        // Far longer than the module's buffer: dropped to its CR, one ERROR, memory bounded.
        host.SendRaw("AT" + new string('A', 64 * 1024) + "\r");
        host.ExpectExactly(Error());
        host.Exchange("AT", Ok());
        Assert.Equal(5, bench.Simulator.GarbageLinesAnswered);

        // Noise from the module's side reaches the host untouched, between responses.
        byte[] noise = [0x00, 0xFF, 0x7E, .. "\r\n+CME ERR"u8, 0x1B];
        bench.Simulator.InjectGarbage(noise);
        host.ExpectExactly(Encoding.Latin1.GetString(noise));
        host.Exchange("AT+CGMM", Ok("EC25"));
    }

    [Fact]
    public async Task The_modem_survives_the_host_reopening_and_the_pty_pair_restarting()
    {
        await using var bench = await ModemBench.StartAsync(ModemProfile.QuectelEc25, output, echo: false);
        bench.ReopenHost();
        bench.Host.Exchange("AT", Ok());

        bench.Pair.Stop();
        await bench.Pair.StartAgainAsync();
        bench.ReopenHost();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (bench.Simulator.Reopens == 0 && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.Equal(1, bench.Simulator.Reopens);
        // Settings survive: the module stayed powered while its link was down.
        bench.Host.Exchange("AT+CGMM", Ok("EC25"));

        bench.Simulator.PowerCycle();
        bench.Host.ExpectUrcs("RDY", "+CPIN: READY");
        bench.Host.Exchange("AT", Echoed("AT", Ok()));
    }

    [Fact]
    public async Task Invalid_states_and_cells_are_refused_before_anything_starts()
    {
        var good = SimulatedModemState.ExampleFor(ModemProfile.QuectelEc25);
        var path = Path.Combine(Path.GetTempPath(), "no-such-pty");
        await Assert.ThrowsAsync<ArgumentException>(() => ModemSimulator.StartAsync(path, ModemProfile.QuectelEc25, good with { Imei = "867962041234567" }));
        await Assert.ThrowsAsync<ArgumentException>(() => ModemSimulator.StartAsync(path, ModemProfile.QuectelEc25, good with { Cell = SimulatedCell.ExampleEmtc }));
        await Assert.ThrowsAsync<ArgumentException>(() => ModemSimulator.StartAsync(path, ModemProfile.QuectelEc25, good with { Sim = new SimulatedSim("89340112345", "214011234567890") }));
        await Assert.ThrowsAsync<ArgumentException>(() => ModemSimulator.StartAsync(path, ModemProfile.QuectelRm500qNsa, good with { Cell = SimulatedCell.ExampleLte with { Tech = RadioTech.Nr5gNsa } }));
        await Assert.ThrowsAsync<RigException>(() => ModemSimulator.StartAsync(path, ModemProfile.QuectelEc25, good, new ModemSimulatorOptions { OpenTimeout = TimeSpan.FromMilliseconds(300) }));
    }

    private static string Ok(params string[] lines) => Response(lines, "OK");

    private static string Error() => Response([], "ERROR");

    private static string CmeError(string error) => Response([], $"+CME ERROR: {error}");

    private static string Response(string[] lines, string final) =>
        (lines.Length > 0 ? "\r\n" + string.Join("\r\n", lines) + "\r\n" : "") + "\r\n" + final + "\r\n";

    private static string Echoed(string command, string response) => command + "\r" + response;

    /// <summary>A pty pair, a simulator on one end and the test as the host on the other, in a rig directory of its own.</summary>
    private sealed class ModemBench : IAsyncDisposable
    {
        private readonly RigDirectory _directory;

        private ModemBench(RigDirectory directory, PtyPair pair, ModemSimulator simulator, AtHost host)
        {
            _directory = directory;
            Pair = pair;
            Simulator = simulator;
            Host = host;
        }

        public PtyPair Pair { get; }
        public ModemSimulator Simulator { get; }
        public AtHost Host { get; private set; }

        /// <summary>Starts everything and consumes the power-up URCs; with <paramref name="echo"/> false, sends ATE0 too.</summary>
        public static async Task<ModemBench> StartAsync(ModemProfile profile, ITestOutputHelper output, bool echo = true,
            SimulatedModemState? state = null, string simStatus = "+CPIN: READY", int maxCommandLength = 1024)
        {
            var directory = new RigDirectory("modem");
            PtyPair? pair = null;
            AtHost? host = null;
            try
            {
                pair = await PtyPair.StartAsync(directory.Path, "modem");
                // The host opens first: opening a port discards what is already queued, and "RDY" must be seen.
                host = new AtHost(pair.DevicePath, output);
                state ??= SimulatedModemState.ExampleFor(profile);
                var options = new ModemSimulatorOptions { UrcDelay = TimeSpan.FromMilliseconds(50), MaxCommandLength = maxCommandLength };
                var simulator = await ModemSimulator.StartAsync(pair.SimulatorPath, profile, state, options, output.WriteLine);
                host.ExpectUrcs(state.Sim is null ? ["RDY"] : ["RDY", simStatus]);
                if (!echo) host.Exchange("ATE0", Echoed("ATE0", Ok()));
                return new ModemBench(directory, pair, simulator, host);
            }
            catch
            {
                host?.Dispose();
                pair?.Dispose();
                directory.Dispose();
                throw;
            }
        }

        /// <summary>The host closes its port and opens it again, as the agent does after an error.</summary>
        public void ReopenHost()
        {
            var path = Host.Path;
            var output = Host.Output;
            Host.Dispose();
            Host = new AtHost(path, output);
        }

        public async ValueTask DisposeAsync()
        {
            Host.Dispose();
            await Simulator.DisposeAsync();
            Pair.Dispose();
            _directory.Dispose();
        }
    }

    /// <summary>The agent's side of the line: writes raw AT text and reads what comes back, with deadlines.</summary>
    private sealed class AtHost : IDisposable
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);
        private static readonly Regex FinalResult = new(@"\r\n(OK|ERROR|\+CME ERROR: [^\r\n]*)\r\n$");
        private readonly SerialPort _port;
        private readonly StringBuilder _received = new();

        public AtHost(string path, ITestOutputHelper output)
        {
            Path = path;
            Output = output;
            _port = SerialPort.Open(path, 115200);
        }

        public string Path { get; }
        public ITestOutputHelper Output { get; }

        public void SendRaw(string text) => SendRaw(Encoding.Latin1.GetBytes(text));

        public void SendRaw(byte[] bytes)
        {
            Assert.True(_received.Length == 0, $"unread bytes before sending: {Show(_received.ToString())}");
            _port.Write(bytes);
        }

        /// <summary>Sends <paramref name="command"/> with a CR and expects exactly <paramref name="expected"/> back.</summary>
        public void Exchange(string command, string expected)
        {
            SendRaw(command + "\r");
            var got = ReadUntil(text => text.Length >= expected.Length && FinalResult.IsMatch(text));
            Output.WriteLine($"{command} -> {Show(got)}");
            Assert.Equal(Show(expected), Show(got));
        }

        public void ExpectExactly(string expected)
        {
            var got = ReadUntil(text => text.Length >= expected.Length);
            Assert.Equal(Show(expected), Show(got));
        }

        public void ExpectUrcs(params string[] urcs) => ExpectExactly(string.Concat(urcs.Select(u => $"\r\n{u}\r\n")));

        public void AssertQuiet(TimeSpan period)
        {
            var deadline = DateTime.UtcNow + period;
            while (DateTime.UtcNow < deadline) ReadSome(TimeSpan.FromMilliseconds(50));
            Assert.True(_received.Length == 0, $"expected silence, got {Show(_received.ToString())}");
        }

        private string ReadUntil(Func<string, bool> complete)
        {
            var deadline = DateTime.UtcNow + Timeout;
            while (!complete(_received.ToString()))
            {
                if (DateTime.UtcNow > deadline) throw new TimeoutException($"no complete answer within {Timeout.TotalSeconds} s; got {Show(_received.ToString())}");
                ReadSome(TimeSpan.FromMilliseconds(50));
            }
            var text = _received.ToString();
            _received.Clear();
            return text;
        }

        private void ReadSome(TimeSpan timeout)
        {
            var buffer = new byte[4096];
            var count = _port.Read(buffer, timeout);
            _received.Append(Encoding.Latin1.GetString(buffer, 0, count));
        }

        /// <summary>CR and LF made visible, so a failed comparison shows where the line ends differ.</summary>
        private static string Show(string text) => text.Replace("\r", "<CR>").Replace("\n", "<LF>");

        public void Dispose() => _port.Dispose();
    }
}
