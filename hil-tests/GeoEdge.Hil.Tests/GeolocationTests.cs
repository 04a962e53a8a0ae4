using GeoEdge.Hil.Rig.Composition;
using GeoEdge.Hil.Rig.Processes;
using GeoEdge.Hil.Rig.Scenarios;
using GeoEdge.Wire.Messages;
using Xunit.Abstractions;

namespace GeoEdge.Hil.Tests;

/// <summary>
/// GL on the whole system: the agent reads the simulated modem's serving cell, the bridge looks it up in the
/// rig's cell database and asks the rig's CAMARA server about the SIM. The sources agree while the host is
/// where it says; a cell in another country or a network that places the SIM elsewhere contradicts it.
/// </summary>
public class GeolocationTests(ITestOutputHelper output)
{
    /// <summary>Unauthenticated GNSS (OSNMA needs a few simulated minutes) with the cell and the network agreeing.</summary>
    private static bool Corroborated(ResultMessage r) => r.Seq > 0 && r.LocationGrade is "C" or "A" && !r.Reasons.Any(IsGeolocationReason);

    private static bool IsGeolocationReason(string reason) =>
        reason.StartsWith("gnss-cell-mismatch:", StringComparison.Ordinal) || reason.StartsWith("network-denies:", StringComparison.Ordinal);

    [Fact]
    public async Task A_serving_cell_in_lisbon_contradicts_a_madrid_fix_until_the_modem_is_back_on_a_madrid_cell()
    {
        await using var rig = await RigFixture.StartAsync(output, new RigOptions());
        rig.StartAgent();
        var agreed = await rig.ResultWhereAsync(Corroborated, output, maxResults: 30);
        Assert.Equal("inside", agreed.Geofence);

        var home = rig.Modem!.State.Cell!;
        rig.Modem.SetCell(RigCellTowers.Lisbon);
        var mismatch = await rig.ResultWhereAsync(r => r.Has("gnss-cell-mismatch"), output);
        Assert.Equal(("contraindicated", "F", "indeterminate"), (mismatch.EarStatus, mismatch.LocationGrade, mismatch.Geofence));
        Assert.Contains(mismatch.Reasons, r => r.Contains("from the serving cell's centre", StringComparison.Ordinal));

        // The contradicted readings did not move the host's reference location: back home, the sources agree again.
        rig.Modem.SetCell(home);
        await rig.ResultWhereAsync(r => r.Seq > mismatch.Seq && Corroborated(r), output);
    }

    [Fact]
    public async Task The_network_placing_the_sim_in_lisbon_is_network_denies_and_an_unlocatable_sim_only_lowers_the_grade()
    {
        await using var rig = await RigFixture.StartAsync(output, new RigOptions());
        await The_geolocation_command_shows_and_changes_the_settings(rig);
        rig.StartAgent();
        await rig.ResultWhereAsync(Corroborated, output, maxResults: 30);
        var camara = rig.Camara!;
        var asked = camara.VerificationsFor(RigOptions.PhoneNumber);
        Assert.True(asked > 0, "the bridge never asked the operator's network");

        camara.SetDeviceLocation(RigOptions.PhoneNumber, RigCellTowers.LisbonLatitude, RigCellTowers.LisbonLongitude, accuracyMeters: 300);
        var denied = await rig.ResultWhereAsync(r => r.Has("network-denies"), output);
        Assert.Equal(("contraindicated", "F"), (denied.EarStatus, denied.LocationGrade));

        // UNABLE_TO_LOCATE says nothing either way: the fix and the cell still agree (grade C unauthenticated, B authenticated).
        camara.SetUnlocatable(RigOptions.PhoneNumber);
        var unknown = await rig.ResultWhereAsync(r => r.Seq > denied.Seq && r.LocationGrade is "C" or "B", output);
        Assert.DoesNotContain(unknown.Reasons, IsGeolocationReason);
        Assert.NotEqual("contraindicated", unknown.EarStatus);
    }

    /// <summary>The operator's CLI on the rig's bridge: the rig set the SIM's number; a wrong one is refused; stationary on and off.</summary>
    private static async Task The_geolocation_command_shows_and_changes_the_settings(GeoEdgeRig rig)
    {
        Task<CliRun> Geolocation(params string[] args) => GeoEdgeCli.RunAsync("geolocation", [rig.Options.HostId, "--bridge", rig.Bridge.BaseUrl, .. args]);
        var shown = await Geolocation();
        Assert.Equal(RigOptions.PhoneNumber, shown.Json.GetProperty("phoneNumber").GetString());

        var wrong = await Geolocation("--phone", "0034600000123");
        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains("E.164", wrong.Stderr);

        var anchored = await Geolocation("--stationary", "250", "--anchor", "40.4168,-3.7038");
        Assert.Equal(250, anchored.Json.GetProperty("stationaryToleranceMeters").GetDouble());
        Assert.Equal(40.4168, anchored.Json.GetProperty("anchor").GetProperty("latitude").GetDouble());
        Assert.Equal(RigOptions.PhoneNumber, anchored.Json.GetProperty("phoneNumber").GetString());

        var mobile = await Geolocation("--mobile");
        Assert.False(mobile.Json.TryGetProperty("anchor", out _));
        Assert.False(mobile.Json.TryGetProperty("stationaryToleranceMeters", out _));
    }
}
