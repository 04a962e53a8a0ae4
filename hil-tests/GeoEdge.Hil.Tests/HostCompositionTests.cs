using GeoEdge.Hil.Rig.Processes;
using Xunit.Abstractions;

namespace GeoEdge.Hil.Tests;

/// <summary>The host composition through `geoedge composition` against the rig's real bridge.</summary>
public class HostCompositionTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_CLI_shows_the_composition_approved_at_enrollment_and_refuses_to_approve_nothing()
    {
        await using var rig = await RigFixture.StartAsync(output);
        rig.StartAgent();
        await rig.ResultsAsync(1, output);

        var shown = await GeoEdgeCli.RunAsync("composition", rig.Options.HostId, "--bridge", rig.Bridge.BaseUrl);
        Assert.Equal(0, shown.ExitCode);
        Assert.StartsWith("ubx+nmea:", shown.Json.GetProperty("approved").GetProperty("gnssReceiver").GetString());
        Assert.False(shown.Json.TryGetProperty("pending", out _), "nothing is pending for a host that shows its enrolled composition");

        var approve = await GeoEdgeCli.RunAsync("composition", rig.Options.HostId, "--bridge", rig.Bridge.BaseUrl, "--approve");
        Assert.Equal(1, approve.ExitCode);
        Assert.Contains("no composition waiting for approval", approve.Stderr);

        var unknown = await GeoEdgeCli.RunAsync("composition", "edge-99", "--bridge", rig.Bridge.BaseUrl);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("404", unknown.Stderr);

        var unreachable = await GeoEdgeCli.RunAsync("composition", rig.Options.HostId, "--bridge", $"http://127.0.0.1:{FreePort.Next()}");
        Assert.Equal(2, unreachable.ExitCode);
        Assert.Contains("did not answer", unreachable.Stderr);
    }
}
