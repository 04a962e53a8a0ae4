using GeoEdge.Hil.Rig.Composition;
using GeoEdge.Hil.Rig.Scenarios;
using GeoEdge.Hil.Rig.Simulators;
using GeoEdge.Wire.Messages;
using Xunit.Abstractions;

namespace GeoEdge.Hil.Tests;

/// <summary>
/// Attacks on the GNSS signal of an authenticated host: ephemeris forged on some satellites (only OSNMA can
/// tell), and the receiver's own spoofing and jamming detectors. The bridge must stop affirming at once,
/// say why, and affirm again when the host navigates on authenticated satellites only.
/// </summary>
public class GnssAttackTests(ITestOutputHelper output)
{
    /// <summary>Results that may still judge readings made before a change reached the agent (one reading a second).</summary>
    private const int InFlight = 4;

    [Fact]
    public async Task Forged_ephemeris_on_used_satellites_turns_the_verdict_to_a_warning_naming_exactly_them_until_they_are_no_longer_used()
    {
        await using var rig = await RigFixture.StartAsync(output);
        rig.StartAgent();
        await rig.AuthenticatedResultAsync(output);
        var ubx = Receiver(rig);
        var used = ubx.Settings.GalileoUsed.Order().ToArray();
        var forged = used.Where((_, i) => i % 3 == 1).ToArray();
        var forgedNames = forged.Select(GnssVerdicts.Galileo).ToHashSet();
        output.WriteLine($"forging the ephemeris of {string.Join(", ", forgedNames)} of {used.Length} used");

        ubx.SetSpoofedSvids(forged);
        // Every verdict from the first warning on names every forged satellite and is never affirming; genuine
        // satellites may be named too while OSNMA re-authenticates an ephemeris update, so wait for one naming only them.
        var spoofed = await rig.ExpectSwitchAsync("warning naming the forged satellites",
            r => r.EarStatus == "warning" && r.Geofence == "inside" && r.UnauthenticatedSatellites().IsSupersetOf(forgedNames),
            output, within: InFlight, thenHold: 5);
        var exact = spoofed.FirstOrDefault(r => r.UnauthenticatedSatellites().SetEquals(forgedNames));
        for (var i = 0; exact is null && i < 20; i++)
        {
            var result = await rig.NextResultAsync(output);
            Assert.True(result.EarStatus == "warning" && result.UnauthenticatedSatellites().IsSupersetOf(forgedNames),
                $"seq {result.Seq} while {string.Join(", ", forgedNames)} are forged and used: {result.EarStatus} {string.Join("; ", result.Reasons)}");
            if (result.UnauthenticatedSatellites().SetEquals(forgedNames)) exact = result;
        }
        Assert.NotNull(exact);
        Assert.False(exact.Has(GnssVerdicts.TooFewAuthenticated), "two thirds of the satellites are still authenticated");
        Assert.All(exact.Reasons, r => Assert.StartsWith(GnssVerdicts.SatelliteUnauthenticated + ":", r, StringComparison.Ordinal));
        // The warning is the agent's OSNMA verifier catching the forgery (tags over the forged data fail), not missing data.
        var failedOver = FailedTagTargets(rig.Agent.Process.Tail(int.MaxValue));
        Assert.Equal(forgedNames.Order(), failedOver.Order());

        // The receiver drops the forged satellites from its fix: the remaining ones are authenticated.
        ubx.SetGalileoUsed(used.Except(forged));
        var back = await rig.ResultWhereAsync(GnssVerdicts.IsAuthenticatedInside, output, maxResults: InFlight + 20);
        Assert.True(back.Seq > exact.Seq);
        Assert.Equal(forged.Length, ubx.Settings.SpoofedSvids.Count); // still forged, just not used
    }

    [Fact]
    public async Task The_receivers_spoofing_flag_contraindicates_and_its_jamming_warning_withholds_affirming()
    {
        await using var rig = await RigFixture.StartAsync(output);
        rig.StartAgent();
        await rig.AuthenticatedResultAsync(output);
        var ubx = Receiver(rig);

        // UBX-SEC-SIG spoofingState 2 (indicated), then 3 (affirmed): both contradict the claim to be inside.
        foreach (var (state, name) in new[] { (2, "indicated"), (3, "affirmed") })
        {
            ubx.SetSpoofingState(state);
            var spoofed = await rig.ExpectSwitchAsync($"contraindicated verdict for spoofing '{name}'",
                r => r.EarStatus == "contraindicated" && r.Reasons.Any(x => x.StartsWith(GnssVerdicts.SpoofingIndicated + ":", StringComparison.Ordinal)
                                                                            && x.Contains($"'{name}'", StringComparison.Ordinal)),
                output, within: InFlight, thenHold: 2);
            // Only the location is contradicted: the platform's attestation is as good as before.
            var ear = await rig.VerifiedEarAsync(spoofed[^1]);
            Assert.Equal(Ear.EarStatus.Affirming, ear.Submodules["platform"].Status);
            Assert.Equal(Ear.EarStatus.Contraindicated, ear.Submodules["location"].Status);
        }

        ubx.SetSpoofingState(1);
        await rig.ResultWhereAsync(GnssVerdicts.IsAuthenticatedInside, output, maxResults: InFlight + 20);

        ubx.SetJammingState(2);
        await rig.ExpectSwitchAsync("warning for jamming",
            r => r.EarStatus == "warning" && r.Geofence == "inside" && r.Has(GnssVerdicts.JammingIndicated) && !r.Has(GnssVerdicts.SpoofingIndicated),
            output, within: InFlight, thenHold: 2);
    }

    /// <summary>The satellites whose navigation data the agent logged a failed OSNMA tag over ("... over the navigation data of E03 does not verify").</summary>
    private static HashSet<string> FailedTagTargets(string agentLog) =>
        System.Text.RegularExpressions.Regex.Matches(agentLog, @"TagFailed .* over the navigation data of (E\d{2}) does not verify")
            .Select(m => m.Groups[1].Value).ToHashSet();

    private static UbxGnssSimulator Receiver(GeoEdgeRig rig) => rig.Sky.Ubx ?? throw new InvalidOperationException("the rig has no UBX receiver");
}
