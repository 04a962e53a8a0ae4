using GeoEdge.Hil.Rig.Composition;
using GeoEdge.Hil.Rig.Processes;
using GeoEdge.Hil.Rig.Simulators.Modem;
using GeoEdge.Wire.Messages;
using Xunit.Abstractions;

namespace GeoEdge.Hil.Tests;

/// <summary>
/// The agent reads a simulated Quectel modem over AT commands on a pty; the bridge holds the host to the
/// composition it enrolled with. A swapped SIM is contraindicated until an operator approves it; a
/// pulled SIM is contraindicated at the next reading.
/// </summary>
public class ModemCompositionTests(ITestOutputHelper output)
{
    private static bool Has(ResultMessage r, string code) => r.Reasons.Any(reason => reason.StartsWith(code + ":", StringComparison.Ordinal));

    [Fact]
    public async Task A_swapped_SIM_is_contraindicated_naming_both_ICCIDs_until_approved_and_a_pulled_SIM_at_once()
    {
        await using var rig = await RigFixture.StartAsync(output, new RigOptions { Modem = ModemProfile.QuectelEc25 });
        rig.StartAgent();
        await rig.ResultWhereAsync(r => r.Seq > 0 && !Has(r, "composition-changed") && !Has(r, "sim-removed"), output);
        var enrolled = await GeoEdgeCli.RunAsync("composition", rig.Options.HostId, "--bridge", rig.Bridge.BaseUrl);
        Assert.Equal(SimulatedSim.Example.Iccid, enrolled.Json.GetProperty("approved").GetProperty("iccid").GetString());
        Assert.Equal(SimulatedModemState.ExampleImei, enrolled.Json.GetProperty("approved").GetProperty("imei").GetString());

        var other = new SimulatedSim("8934019999999999999", "214019999999999");
        rig.Modem!.SwapSim(other);
        var swapped = await rig.ResultWhereAsync(r => Has(r, "composition-changed"), output);
        Assert.Equal("contraindicated", swapped.EarStatus);
        Assert.Contains(swapped.Reasons, r => r.Contains($"ICCID {SimulatedSim.Example.Iccid} -> {other.Iccid} (SIM swapped)", StringComparison.Ordinal));

        var approval = await GeoEdgeCli.RunAsync("composition", rig.Options.HostId, "--bridge", rig.Bridge.BaseUrl, "--approve");
        Assert.Equal(0, approval.ExitCode);
        await rig.ResultWhereAsync(r => r.Seq > swapped.Seq && !Has(r, "composition-changed"), output);

        rig.Modem.RemoveSim();
        var pulled = await rig.ResultWhereAsync(r => Has(r, "sim-removed"), output, maxResults: 10);
        Assert.Equal("contraindicated", pulled.EarStatus);
    }
}
