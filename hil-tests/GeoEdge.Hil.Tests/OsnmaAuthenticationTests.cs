using GeoEdge.Ear;
using GeoEdge.Hil.Rig.Composition;
using GeoEdge.Hil.Rig.Scenarios;
using GeoEdge.Wire.Readings;
using Xunit.Abstractions;

namespace GeoEdge.Hil.Tests;

/// <summary>
/// Galileo OSNMA end to end: the agent authenticates the navigation data of an official test-vector sky
/// replayed as UBX, reports it per satellite, keeps what it learned across a restart, and the bridge affirms
/// a location only from such a fix, never from a receiver without OSNMA.
/// </summary>
public class OsnmaAuthenticationTests(ITestOutputHelper output)
{
    /// <summary>The bridge's default MaxAuthenticationAgeSeconds: an authentication older than this would not count.</summary>
    private static readonly TimeSpan MaxAuthenticationAge = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task The_agent_authenticates_the_test_vector_sky_and_the_bridge_affirms_that_fix_in_a_signed_EAR()
    {
        await using var rig = await RigFixture.StartAsync(output);
        await using var readings = await ReadingTap.StartAsync(rig.Broker.PlainPort, rig.Options.HostId);
        rig.StartAgent();

        var reading = await readings.ReadingWhereAsync(r => GnssObservations.IsFullyAuthenticated(r.Fix), maxReadings: 90, output);

        var fix = reading.Fix!;
        var authenticated = GnssObservations.AuthenticatedGalileo(fix);
        Assert.True(authenticated.Count >= 4, $"{authenticated.Count} authenticated Galileo satellites");
        foreach (var sat in authenticated)
        {
            var last = sat.Osnma!.NavData.LastAuthenticated!.Value;
            Assert.InRange(reading.Time - last, TimeSpan.FromSeconds(-2), MaxAuthenticationAge);
            Assert.NotNull(sat.Osnma.NavData.Iodnav);
        }
        var osnma = fix.Osnma!;
        Assert.Equal(OsnmaNmas.Operational, osnma.Nmas);
        // The rig hands the agent the scenario's public key (and no stored TESLA key): a warm start.
        Assert.Equal(OsnmaStartModes.Warm, osnma.StartMode);
        Assert.Equal(TrustedTimeSources.Simulation, osnma.TimeSource);
        Assert.False(osnma.AlertReceived);
        Assert.Equal(SpoofingStates.None, fix.Receiver!.Spoofing);
        Assert.Equal(JammingStates.None, fix.Receiver.Jamming);

        var result = await rig.ResultWhereAsync(r => r.Seq == reading.Seq, output, maxResults: 30);
        Assert.True(GnssVerdicts.IsAuthenticatedInside(result), $"{result.EarStatus}/{result.Geofence} {string.Join("; ", result.Reasons)}");
        var ear = await rig.VerifiedEarAsync(result);
        Assert.Equal(EarStatus.Affirming, ear.OverallStatus);
        var location = ear.Submodules["location"];
        Assert.Equal(EarStatus.Affirming, location.Status);
        Assert.True(location.Extensions["geoedge.gnss-authenticated"].GetBoolean());
        Assert.Equal(authenticated.Count, location.Extensions["geoedge.gnss-authenticated-satellites"].GetInt32());
        Assert.Equal(fix.Satellites!.Count, location.Extensions["geoedge.gnss-satellites"].GetInt32());
    }

    [Fact]
    public async Task A_receiver_without_OSNMA_never_gets_an_affirming_location_while_its_platform_is_affirmed()
    {
        await using var rig = await RigFixture.StartAsync(output, new RigOptions { OsnmaScenario = null });
        rig.StartAgent();

        var first = await rig.ResultWhereAsync(r => r.Latitude is not null, output);
        var results = new List<Wire.Messages.ResultMessage> { first };
        for (var i = 0; i < 5; i++) results.Add(await rig.NextResultAsync(output));

        foreach (var result in results)
        {
            Assert.Equal("warning", result.EarStatus);
            Assert.Equal("inside", result.Geofence);
            Assert.True(result.Has(GnssVerdicts.Unauthenticated) || result.Has(GnssVerdicts.SatelliteUnauthenticated),
                $"seq {result.Seq}: {string.Join("; ", result.Reasons)}");
            var ear = await rig.VerifiedEarAsync(result);
            Assert.Equal(EarStatus.Affirming, ear.Submodules["platform"].Status);
            Assert.Equal(EarStatus.Warning, ear.Submodules["location"].Status);
            Assert.False(ear.Submodules["location"].Extensions["geoedge.gnss-authenticated"].GetBoolean());
        }
    }

    [Fact]
    public async Task A_restarted_agent_starts_hot_from_its_saved_OSNMA_state_and_authenticates_again()
    {
        await using var rig = await RigFixture.StartAsync(output);
        await using var readings = await ReadingTap.StartAsync(rig.Broker.PlainPort, rig.Options.HostId);
        rig.StartAgent();
        var before = await readings.ReadingWhereAsync(r => r.Fix?.Osnma?.Nmas is not null, maxReadings: 30, output);
        Assert.Equal(OsnmaStartModes.Warm, before.Fix!.Osnma!.StartMode);
        var affirmed = await rig.AuthenticatedResultAsync(output);

        rig.Agent.Stop();
        Assert.Equal(0, rig.Agent.Process.ExitCode);
        Assert.True(File.Exists(Path.Combine(rig.Agent.StateDirectory, "osnma-state.bin")), "the agent left no OSNMA state behind");
        await Task.Delay(TimeSpan.FromSeconds(1)); // results for the last readings before the stop may still be on their way
        var lastSeqBefore = affirmed.Seq;
        foreach (var late in rig.Results.Pending()) lastSeqBefore = Math.Max(lastSeqBefore, late.Seq);
        rig.Agent.Start();

        var after = await readings.ReadingWhereAsync(r => r.Seq > lastSeqBefore && r.Fix?.Osnma is not null, maxReadings: 60, output);
        Assert.Equal(OsnmaStartModes.Hot, after.Fix!.Osnma!.StartMode);
        var again = await rig.ResultWhereAsync(r => r.Seq > lastSeqBefore && GnssVerdicts.IsAuthenticatedInside(r), output, maxResults: 60);
        output.WriteLine($"authenticated again at seq {again.Seq}, {again.Seq - lastSeqBefore} readings after the restart");
        output.WriteLine($"--- agent after the restart ---\n{rig.Agent.Process.Tail(60)}");
    }
}
