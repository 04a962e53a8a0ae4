using GeoEdge.Bridge.Composition;
using GeoEdge.Bridge.Verification;
using GeoEdge.Wire.Messages;
using GeoEdge.Wire.Readings;

namespace GeoEdge.Bridge.Tests;

/// <summary>What a reading's modem report says against the host's approved composition.</summary>
public sealed class CompositionCheckTests
{
    private static readonly HostComposition Approved = new()
    {
        GnssReceiver = "ubx+nmea:/dev/ttyACM0", Imei = "867962041234567", Iccid = "8934011234567890123", Imsi = "214011234567890",
    };

    private static ModemReport Modem(string? iccid = "8934011234567890123", string? imsi = "214011234567890", string sim = SimStates.Ready,
        string imei = "867962041234567", bool? simDetect = null) => new() { Imei = imei, Iccid = iccid, Imsi = imsi, Sim = sim, SimDetect = simDetect };

    [Fact]
    public void The_approved_modem_and_SIM_pass_without_anything_to_approve()
    {
        Assert.Same(CompositionCheck.Result.Unchanged, CompositionCheck.Check(Approved, Modem()));
    }

    [Fact]
    public void A_swapped_SIM_is_contraindicated_naming_old_and_new_identities_and_waits_for_approval()
    {
        var result = CompositionCheck.Check(Approved, Modem(iccid: "8934019999999999999", imsi: "214019999999999"));

        var finding = Assert.Single(result.Findings);
        Assert.Equal(FindingCodes.CompositionChanged, finding.Code);
        Assert.Equal(FindingSeverity.Contraindicated, finding.Severity);
        Assert.Contains("ICCID 8934011234567890123 -> 8934019999999999999 (SIM swapped)", finding.Detail);
        Assert.Contains("IMSI 214011234567890 -> 214019999999999", finding.Detail);
        Assert.Equal(Approved with { Iccid = "8934019999999999999", Imsi = "214019999999999" }, result.Observed);
    }

    [Fact]
    public void A_replaced_modem_is_named()
    {
        var result = CompositionCheck.Check(Approved, Modem(imei: "356938035643809"));

        Assert.Contains("IMEI 867962041234567 -> 356938035643809 (modem replaced)", Assert.Single(result.Findings).Detail);
    }

    [Theory]
    [InlineData(SimStates.NotInserted, null)]
    [InlineData(SimStates.Ready, false)]
    public void A_removed_SIM_is_contraindicated_whether_CPIN_or_the_detect_line_says_so(string sim, bool? detect)
    {
        var result = CompositionCheck.Check(Approved, Modem(iccid: null, imsi: null, sim: sim, simDetect: detect));

        Assert.Equal([FindingCodes.SimRemoved], result.Findings.Select(f => f.Code));
        Assert.True(result.Findings.All(f => f.Severity == FindingSeverity.Contraindicated));
        Assert.Equal(Approved with { Iccid = null, Imsi = null }, result.Observed);
    }

    [Fact]
    public void A_locked_SIM_cannot_be_compared_and_is_a_warning_with_nothing_to_approve()
    {
        var result = CompositionCheck.Check(Approved, Modem(iccid: null, imsi: null, sim: SimStates.PinRequired));

        Assert.Equal(FindingSeverity.Warning, Assert.Single(result.Findings).Severity);
        Assert.Null(result.Observed);
    }

    [Fact]
    public void A_host_whose_modem_disappeared_is_contraindicated_and_one_without_a_modem_passes()
    {
        var gone = CompositionCheck.Check(Approved, null);
        var never = CompositionCheck.Check(new HostComposition { GnssReceiver = "ubx+nmea:/dev/ttyACM0" }, null);

        Assert.Equal(FindingCodes.CompositionChanged, Assert.Single(gone.Findings).Code);
        Assert.Empty(never.Findings);
    }
}
