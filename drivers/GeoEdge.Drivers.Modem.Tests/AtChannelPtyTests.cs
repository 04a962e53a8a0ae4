using System.Diagnostics;
using static GeoEdge.Drivers.Modem.Tests.ScriptedModem;

namespace GeoEdge.Drivers.Modem.Tests;

/// <summary>AtChannel over a real socat pty pair against a scripted responder.</summary>
public sealed class AtChannelPtyTests
{
    private const string Imei = "867962041234561";

    [Fact]
    public async Task A_plain_answer_comes_back_without_framing()
    {
        await using var rig = await PtyModemFixture.StartAsync(Table(new Dictionary<string, string?> { ["AT+CGSN"] = Lines(Imei, "OK") }));
        var response = await rig.Channel.SendAsync("AT+CGSN");
        Assert.Equal(("AT+CGSN", AtFinal.Ok, (string?)null), (response.Command, response.Final, response.ErrorCode));
        Assert.Equal([Imei], response.Lines);
        Assert.Equal(Imei, ImeiParser.Parse(response));
    }

    [Fact]
    public async Task An_unsolicited_code_between_the_command_and_OK_goes_to_the_event_not_the_answer()
    {
        await using var rig = await PtyModemFixture.StartAsync(Table(new Dictionary<string, string?>
        {
            ["AT+COPS?"] = Lines("+CEREG: 1,\"1A2B\",\"01A2B3C4\",7", "+COPS: 0,0,\"Vodafone ES\",7", "RDY", "+QSIMSTAT: 1,0", "OK"),
        }));
        var response = await rig.Channel.SendAsync("AT+COPS?");
        Assert.Equal(["+COPS: 0,0,\"Vodafone ES\",7"], response.Lines);
        Assert.Equal(["+CEREG: 1,\"1A2B\",\"01A2B3C4\",7", "RDY", "+QSIMSTAT: 1,0"], rig.UnsolicitedSoFar());
        Assert.Equal(new OperatorInfo(0, "Vodafone ES", null, AccessTechnology.EUtran), OperatorParser.Parse(response));
    }

    [Fact]
    public async Task The_command_own_prefix_is_an_answer_even_when_it_is_also_a_known_unsolicited_code()
    {
        await using var rig = await PtyModemFixture.StartAsync(Table(new Dictionary<string, string?>
        {
            ["AT+CPIN?"] = Lines("+CPIN: READY", "OK"),
            ["ATI"] = Lines("Quectel", "+CPIN: NOT READY", "EC25", "Revision: EC25EFAR06A06M4G", "OK"),
        }));
        Assert.Equal(SimState.Ready, SimStatusParser.Parse(await rig.Channel.SendAsync("AT+CPIN?")));
        Assert.Empty(rig.UnsolicitedSoFar());
        var ati = await rig.Channel.SendAsync("ATI");
        Assert.Equal(["Quectel", "EC25", "Revision: EC25EFAR06A06M4G"], ati.Lines);
        Assert.Equal(["+CPIN: NOT READY"], rig.UnsolicitedSoFar());
    }

    [Fact]
    public async Task Echo_on_is_dropped_from_the_answer()
    {
        await using var rig = await PtyModemFixture.StartAsync(Table(new Dictionary<string, string?> { ["AT+CIMI"] = Lines("214011234567890", "OK") }));
        rig.Modem.Echo = true;
        var response = await rig.Channel.SendAsync("AT+CIMI");
        Assert.Equal(["214011234567890"], response.Lines);
        Assert.Equal("214011234567890", ImsiParser.Parse(response));
    }

    [Fact]
    public async Task A_CME_error_is_a_final_result_with_its_code_and_EnsureOk_names_it()
    {
        await using var rig = await PtyModemFixture.StartAsync(Table(new Dictionary<string, string?>
        {
            ["AT+CPIN?"] = Lines("+CME ERROR: 10"),
            ["AT+CIMI"] = Lines("+CME ERROR: SIM not inserted"),
            ["AT+CMGS"] = Lines("+CMS ERROR: 500"),
        }));
        var cpin = await rig.Channel.SendAsync("AT+CPIN?");
        Assert.Equal((AtFinal.CmeError, "10", 10), (cpin.Final, cpin.ErrorCode, cpin.NumericErrorCode));
        Assert.Equal(SimState.NotInserted, SimStatusParser.Parse(cpin));

        var cimi = await rig.Channel.SendAsync("AT+CIMI");
        var error = Assert.Throws<AtCommandException>(() => ImsiParser.Parse(cimi));
        Assert.Contains("AT+CIMI", error.Message);
        Assert.Contains("+CME ERROR: SIM not inserted", error.Message);

        var cms = await rig.Channel.SendAsync("AT+CMGS");
        Assert.Equal((AtFinal.CmsError, "500"), (cms.Final, cms.ErrorCode));
    }

    [Fact]
    public async Task Garbage_before_the_answer_is_discarded()
    {
        await using var rig = await PtyModemFixture.StartAsync(Table(new Dictionary<string, string?>
        {
            ["AT+CGSN"] = "\0\u00ff\u0081\u0007garbage\r\n" + new string('x', 3000) + "\r\n" + Lines(Imei, "OK"),
        }));
        var response = await rig.Channel.SendAsync("AT+CGSN");
        Assert.Equal([Imei], response.Lines);
        Assert.True(rig.Channel.DiscardedLines >= 1, "the binary line is counted as discarded");
    }

    [Fact]
    public async Task A_timeout_names_the_command_and_the_channel_recovers_for_the_next_one()
    {
        await using var rig = await PtyModemFixture.StartAsync(command => command switch
        {
            "AT+QENG=\"servingcell\"" => null, // stuck
            "AT" => Lines("OK"),
            "AT+CIMI" => Lines("214011234567890", "OK"),
            _ => Lines("ERROR"),
        });
        var clock = Stopwatch.StartNew();
        var timeout = await Assert.ThrowsAsync<AtTimeoutException>(() => rig.Channel.SendAsync("AT+QENG=\"servingcell\"", TimeSpan.FromMilliseconds(400)));
        Assert.Equal("AT+QENG=\"servingcell\"", timeout.Command);
        Assert.Contains("AT+QENG", timeout.Message);
        Assert.InRange(timeout.Elapsed, TimeSpan.FromMilliseconds(350), TimeSpan.FromSeconds(5));
        Assert.Contains("AT", rig.Modem.Received);
        Assert.Equal("214011234567890", ImsiParser.Parse(await rig.Channel.SendAsync("AT+CIMI")));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_silent_modem_is_unavailable_and_is_used_again_once_it_answers()
    {
        await using var rig = await PtyModemFixture.StartAsync(command => command == "AT" ? Lines("OK") : Lines("214011234567890", "OK"));
        rig.Modem.Silent = true;
        var error = await Assert.ThrowsAsync<ModemUnavailableException>(() => rig.Channel.SendAsync("AT+CIMI"));
        Assert.Equal("AT+CIMI", error.Command);
        Assert.IsType<AtTimeoutException>(error.InnerException);
        Assert.Equal(1 + PtyModemFixture.FastOptions.ProbeAttempts, rig.Modem.Received.Count);

        rig.Modem.Silent = false;
        var response = await rig.Channel.SendAsync("AT+CIMI");
        Assert.Equal(["214011234567890"], response.Lines);
    }

    [Fact]
    public async Task Concurrent_callers_are_served_one_at_a_time()
    {
        var active = 0;
        var overlapped = false;
        await using var rig = await PtyModemFixture.StartAsync(command =>
        {
            if (Interlocked.Increment(ref active) > 1) overlapped = true;
            Thread.Sleep(20);
            Interlocked.Decrement(ref active);
            return Lines($"+CSQ: {command.Length},99", "OK");
        });
        var commands = Enumerable.Range(0, 8).Select(i => "AT+CSQ" + new string(';', i)).ToArray();
        var answers = await Task.WhenAll(commands.Select(c => rig.Channel.SendAsync(c)));
        Assert.False(overlapped);
        for (var i = 0; i < commands.Length; i++) Assert.Equal([$"+CSQ: {commands[i].Length},99"], answers[i].Lines);
    }

    [Fact]
    public async Task A_runaway_answer_fails_with_a_protocol_error()
    {
        await using var rig = await PtyModemFixture.StartAsync(command => command == "AT"
            ? Lines("OK")
            : string.Concat(Enumerable.Repeat(Lines("+QENG: \"neighbourcell\""), 100)) + Lines("OK"));
        var error = await Assert.ThrowsAsync<AtProtocolException>(() => rig.Channel.SendAsync("AT+QENG=\"neighbourcell\""));
        Assert.Contains("64 lines", error.Message);
        Assert.True((await rig.Channel.SendAsync("AT")).IsOk);
    }

    [Theory]
    [InlineData("")]
    [InlineData("CGSN")]
    [InlineData("AT+CGSN\r\nAT+CFUN=0")]
    public async Task Only_single_AT_command_lines_are_sent(string command)
    {
        await using var rig = await PtyModemFixture.StartAsync(_ => Lines("OK"));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => rig.Channel.SendAsync(command));
        Assert.Empty(rig.Modem.Received);
    }
}
