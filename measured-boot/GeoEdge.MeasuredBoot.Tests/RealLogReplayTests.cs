namespace GeoEdge.MeasuredBoot.Tests;

/// <summary>Every real log in the shared test data parses and replays to the values recorded in expected.json.</summary>
public sealed class RealLogReplayTests
{
    [Theory]
    [MemberData(nameof(ExpectedValues.ParsableLogs), MemberType = typeof(ExpectedValues))]
    public void Format_event_count_and_startup_locality_match(string relative)
    {
        var expected = ExpectedValues.EventLog(relative);
        var log = TcgEventLog.Parse(ExpectedValues.LogBytes(relative));

        Assert.Equal(expected.GetProperty("format").GetString()!.StartsWith("crypto-agile", StringComparison.Ordinal) ? EventLogFormat.CryptoAgile : EventLogFormat.Sha1, log.Format);
        Assert.Equal(expected.GetProperty("events_total_including_header").GetInt32(), log.Events.Count);
        Assert.Equal(expected.GetProperty("events_ev_no_action").GetInt32(), log.Events.Count(e => e.Type == EventType.NoAction));
        var locality = expected.GetProperty("startup_locality");
        Assert.Equal(locality.ValueKind == System.Text.Json.JsonValueKind.Null ? null : (byte?)locality.GetByte(), log.StartupLocality);
    }

    [Theory]
    [MemberData(nameof(ExpectedValues.ParsableLogs), MemberType = typeof(ExpectedValues))]
    public void Replay_equals_the_independent_replay_and_the_tpm_readout(string relative)
    {
        var expected = ExpectedValues.EventLog(relative);
        var replayed = PcrReplay.Replay(TcgEventLog.Parse(ExpectedValues.LogBytes(relative)));

        foreach (var bank in expected.GetProperty("independent_replay").EnumerateObject())
        {
            Assert.True(TpmHashAlgorithms.TryParse(bank.Name, out var algorithm));
            var values = replayed[algorithm];
            var pcrs = bank.Value.EnumerateObject().ToDictionary(p => int.Parse(p.Name), p => p.Value.GetString());
            Assert.Equal(pcrs.Keys.Order(), values.Keys.Order());
            foreach (var (pcr, hex) in pcrs) Assert.Equal(hex, Convert.ToHexStringLower(values[pcr]));
        }
        // The TPM's own read-out, where the machine's PCRs were captured: every PCR of it the log extends must equal it.
        if (expected.TryGetProperty("upstream_expected", out var upstream))
        {
            foreach (var bank in upstream.GetProperty("banks").EnumerateObject())
            {
                Assert.True(TpmHashAlgorithms.TryParse(bank.Name, out var algorithm));
                var compared = 0;
                foreach (var (pcr, value) in replayed[algorithm])
                {
                    if (!bank.Value.TryGetProperty(pcr.ToString(), out var readOut)) continue;
                    Assert.Equal(readOut.GetString(), Convert.ToHexStringLower(value));
                    compared++;
                }
                Assert.True(compared > 0, $"no PCR of the {bank.Name} read-out is extended by the log");
            }
        }
    }
}
