using GeoEdge.Hil.Rig.Processes;
using System.Diagnostics;
using System.Text.Json;

namespace GeoEdge.MeasuredBoot.Tests;

/// <summary>
/// `geoedge-cli eventlog` run as a process on real logs and on files that are not logs: exit status, the JSON
/// report against expected.json, the text report, and a one-line error (never a stack trace) on bad input.
/// </summary>
public sealed class EventLogCliTests
{
    [Theory]
    [InlineData("eventlogs/tpm2-tools/event-sd-boot-fedora37.bin")]
    [InlineData("eventlogs/tpm2-tools/event-uefi-sha1-log.bin")]
    [InlineData("eventlogs/go-eventlog/glinux-alex.bin")]
    [InlineData("eventlogs/keylime/mb_log.b64")]
    public async Task Json_report_matches_expected_values(string relative)
    {
        var expected = ExpectedValues.EventLog(relative);
        var run = await GeoEdgeCli.RunAsync("eventlog", [TestData.Tpm(relative), "--json", .. relative.EndsWith(".b64", StringComparison.Ordinal) ? ["--base64"] : Array.Empty<string>()]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
        var json = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal(expected.GetProperty("format").GetString()!.StartsWith("crypto-agile", StringComparison.Ordinal) ? "crypto-agile" : "sha1", json.GetProperty("format").GetString());
        Assert.Equal(expected.GetProperty("events_total_including_header").GetInt32(), json.GetProperty("events").GetInt32());
        Assert.Equal(expected.GetProperty("startup_locality").GetRawText(), json.GetProperty("startupLocality").GetRawText());
        var replay = expected.GetProperty("independent_replay");
        Assert.Equal(replay.EnumerateObject().Select(b => b.Name).Order(), json.GetProperty("pcrs").EnumerateObject().Select(b => b.Name).Order());
        foreach (var bank in replay.EnumerateObject())
            Assert.Equal(bank.Value.EnumerateObject().Select(p => (p.Name, p.Value.GetString())).OrderBy(p => p.Name),
                json.GetProperty("pcrs").GetProperty(bank.Name).EnumerateObject().Select(p => (p.Name, p.Value.GetString())).OrderBy(p => p.Name));
        var secureBoot = expected.GetProperty("secureboot_var");
        Assert.Equal(secureBoot.ValueKind == JsonValueKind.Null ? "null" : secureBoot.GetString() == "01" ? "true" : "false", json.GetProperty("secureBoot").GetRawText());
        Assert.Empty(json.GetProperty("digestMismatches").EnumerateArray());
    }

    [Fact]
    public async Task Json_report_names_the_event_whose_data_does_not_match_and_verbose_lists_every_event()
    {
        var run = await GeoEdgeCli.RunAsync("eventlog", TestData.Tpm("eventlogs/tpm2-tools/event-arch-linux.bin"), "--json", "--verbose");

        Assert.Equal(0, run.ExitCode);
        var json = JsonDocument.Parse(run.Stdout).RootElement;
        var mismatch = Assert.Single(json.GetProperty("digestMismatches").EnumerateArray());
        Assert.Equal((24, 8, "EV_IPL"), (mismatch.GetProperty("event").GetInt32(), mismatch.GetProperty("pcr").GetInt32(), mismatch.GetProperty("type").GetString()));
        var events = json.GetProperty("eventList").EnumerateArray().ToList();
        Assert.Equal(25, events.Count);
        Assert.Equal("separator", events.First(e => e.GetProperty("type").GetString() == "EV_SEPARATOR").GetProperty("description").GetString());
        Assert.Equal(64, events[1].GetProperty("digests").GetProperty("sha256").GetString()!.Length);
    }

    [Fact]
    public async Task Text_report_has_a_line_per_event_then_the_pcrs()
    {
        var run = await GeoEdgeCli.RunAsync("eventlog", TestData.Tpm("eventlogs/tpm2-tools/event-sd-boot-fedora37.bin"));

        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n');
        Assert.StartsWith("crypto-agile event log, 2611 bytes, 28 events, banks sha256", lines[0]);
        Assert.Equal(28, lines.Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^ {0,3}\d+ PCR")));
        Assert.Contains(lines, l => l.Contains(@"Boot0001: Linux Boot Manager: HD(1,GPT,3cb9643c-6c08-4fe5-852d-17e1ae701158,0x800,0x100000)/\EFI\systemd\systemd-bootx64.efi", StringComparison.Ordinal));
        Assert.Contains("PCRs (sha256):", lines);
        Assert.Contains("   5: a5ceb755d043f32431d63e39f5161464620a3437280494b5850dc1b47cc074e0", lines);
        Assert.Contains(lines, l => l.StartsWith("Secure Boot (sha256): disabled", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("eventlogs/keylime/binary_bios_measurements-bogus", "truncated")]
    [InlineData("eventlogs/keylime/binary_bios_measurements-empty", "the event log is empty")]
    [InlineData("eventlogs/keylime/no-such-file", "Could not find")]
    [InlineData("eventlogs/keylime/example_reference_state.json", "not a valid event log")]
    public async Task Input_that_is_not_a_log_exits_2_with_one_line_naming_the_problem(string relative, string message)
    {
        var run = await GeoEdgeCli.RunAsync("eventlog", TestData.Tpm(relative));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains(message, run.Stderr);
        Assert.StartsWith("geoedge eventlog: ", run.Stderr);
        Assert.Single(run.Stderr.TrimEnd().Split('\n'));
        Assert.DoesNotContain("   at ", run.Stderr);
    }

    [Fact]
    public async Task A_binary_log_given_as_base64_and_a_missing_file_argument_exit_2()
    {
        var notBase64 = await GeoEdgeCli.RunAsync("eventlog", TestData.Tpm("eventlogs/tpm2-tools/event-arch-linux.bin"), "--base64");
        Assert.Equal(2, notBase64.ExitCode);
        Assert.Contains("not base64", notBase64.Stderr);

        var noFile = await GeoEdgeCli.RunAsync("eventlog", "--json");
        Assert.Equal(2, noFile.ExitCode);
        Assert.Contains("FILE is required", noFile.Stderr);
    }
}
