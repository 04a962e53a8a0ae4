using static GeoEdge.Geolocation.Tests.Places;

namespace GeoEdge.Geolocation.Tests;

public class LocationFusionTests
{
    private static void AssertFindings(CompositeLocation result, params string[] codes) =>
        Assert.Equal(codes.Order(), result.Findings.Select(f => f.Code).Order());

    [Fact]
    public void A_authenticated_madrid_fix_with_a_madrid_cell_and_network_true()
    {
        var result = LocationFusion.Fuse(Input(Fix(), MadridCell(), Network(VerificationResult.True)));
        Assert.Equal(LocationGrade.A, result.Grade);
        Assert.Equal((MadridLat, MadridLon, 5.0), (result.Latitude!.Value, result.Longitude!.Value, result.RadiusMeters!.Value));
        Assert.Equal(AgreementState.Primary, result.StateOf(LocationSource.Gnss));
        Assert.Equal(AgreementState.Agrees, result.StateOf(LocationSource.Cell));
        Assert.Equal(AgreementState.Agrees, result.StateOf(LocationSource.Network));
        // The cell is ~1.1 km away: the measured distance is reported.
        Assert.InRange(result.Sources.Single(s => s.Source == LocationSource.Cell).DistanceMeters!.Value, 1000, 1200);
        AssertFindings(result);
    }

    [Fact]
    public void B_authenticated_fix_with_the_cell_only()
    {
        var result = LocationFusion.Fuse(Input(Fix(), MadridCell()));
        Assert.Equal(LocationGrade.B, result.Grade);
        Assert.Equal(AgreementState.Absent, result.StateOf(LocationSource.Network));
        AssertFindings(result);
    }

    [Fact]
    public void B_authenticated_fix_with_the_network_only_when_the_cell_is_unknown()
    {
        var result = LocationFusion.Fuse(Input(Fix(), CellObservation.Unknown, Network(VerificationResult.True)));
        Assert.Equal(LocationGrade.B, result.Grade);
        Assert.Equal(AgreementState.Inconclusive, result.StateOf(LocationSource.Cell));
        AssertFindings(result, FindingCodes.CellUnknown);
    }

    [Fact]
    public void B_when_the_network_answers_partial_it_neither_helps_nor_hurts()
    {
        var result = LocationFusion.Fuse(Input(Fix(), MadridCell(), Network(VerificationResult.Partial, matchRate: 74)));
        Assert.Equal(LocationGrade.B, result.Grade);
        AssertFindings(result, FindingCodes.NetworkPartial);
        Assert.Contains("74 %", result.Findings[0].Message);
    }

    [Fact]
    public void C_unauthenticated_fix_agreeing_with_cell_and_network()
    {
        var result = LocationFusion.Fuse(Input(Fix(authenticated: false), MadridCell(), Network(VerificationResult.True)));
        Assert.Equal(LocationGrade.C, result.Grade);
        Assert.Equal(5.0, result.RadiusMeters);
    }

    [Fact]
    public void C_unauthenticated_fix_with_the_cell_and_an_unknown_network()
    {
        var result = LocationFusion.Fuse(Input(Fix(authenticated: false), MadridCell(), Network(VerificationResult.Unknown)));
        Assert.Equal(LocationGrade.C, result.Grade);
        AssertFindings(result, FindingCodes.NetworkUnknown);
    }

    [Fact]
    public void C_no_gnss_but_the_cell_and_the_network_agree_and_the_position_is_the_cell()
    {
        var result = LocationFusion.Fuse(Input(cell: MadridCell(), network: Network(VerificationResult.True, 40.4260, -3.7000, 3000)));
        Assert.Equal(LocationGrade.C, result.Grade);
        Assert.Equal((40.4260, -3.7000, 1200.0), (result.Latitude!.Value, result.Longitude!.Value, result.RadiusMeters!.Value));
        Assert.Equal(AgreementState.Primary, result.StateOf(LocationSource.Cell));
    }

    [Fact]
    public void D_authenticated_gnss_alone()
    {
        var result = LocationFusion.Fuse(Input(Fix(), CellObservation.NotReported));
        Assert.Equal(LocationGrade.D, result.Grade);
        Assert.Equal(AgreementState.Absent, result.StateOf(LocationSource.Cell));
        AssertFindings(result);
    }

    [Fact]
    public void D_cell_alone_with_its_range_as_radius_and_a_floor_for_a_zero_range()
    {
        var result = LocationFusion.Fuse(Input(cell: MadridCell(range: 1200)));
        Assert.Equal((LocationGrade.D, 1200.0), (result.Grade, result.RadiusMeters!.Value));
        var single = LocationFusion.Fuse(Input(cell: MadridCell(range: 0)));
        Assert.Equal((LocationGrade.D, 500.0), (single.Grade, single.RadiusMeters!.Value));
    }

    [Fact]
    public void D_network_true_alone_gives_the_circle_asked()
    {
        var result = LocationFusion.Fuse(Input(network: Network(VerificationResult.True, radius: 5000)));
        Assert.Equal(LocationGrade.D, result.Grade);
        Assert.Equal((MadridLat, MadridLon, 5000.0), (result.Latitude!.Value, result.Longitude!.Value, result.RadiusMeters!.Value));
        Assert.Equal(AgreementState.Primary, result.StateOf(LocationSource.Network));
    }

    [Fact]
    public void F_madrid_fix_with_a_lisbon_cell()
    {
        var result = LocationFusion.Fuse(Input(Fix(), LisbonCell(), Network(VerificationResult.True)));
        Assert.Equal(LocationGrade.F, result.Grade);
        AssertFindings(result, FindingCodes.GnssCellMismatch);
        Assert.Equal(AgreementState.Disagrees, result.StateOf(LocationSource.Cell));
        Assert.InRange(result.Sources.Single(s => s.Source == LocationSource.Cell).DistanceMeters!.Value, 495_000, 510_000);
        // The position stays the fix, so the geofence can still say where the contradiction happened.
        Assert.Equal(MadridLat, result.Latitude);
    }

    [Theory]
    [InlineData(2200, LocationGrade.B)]  // inside 1200 m * 1.5 + 5 m + 500 m = 2305 m
    [InlineData(2400, LocationGrade.F)]  // beyond it
    public void The_cell_tolerance_is_range_times_factor_plus_uncertainty_plus_margin(double metersNorth, LocationGrade expected)
    {
        var result = LocationFusion.Fuse(Input(Fix(), Cell(NorthOfMadrid(metersNorth), MadridLon, 1200)));
        Assert.Equal(expected, result.Grade);
        Assert.Equal(expected == LocationGrade.F, result.Has(FindingCodes.GnssCellMismatch));
    }

    [Fact]
    public void F_network_false_for_a_circle_around_the_fix()
    {
        var result = LocationFusion.Fuse(Input(Fix(), MadridCell(), Network(VerificationResult.False)));
        Assert.Equal(LocationGrade.F, result.Grade);
        AssertFindings(result, FindingCodes.NetworkDenies);
    }

    [Fact]
    public void Network_false_for_a_circle_far_from_the_fix_agrees_with_it()
    {
        var result = LocationFusion.Fuse(Input(Fix(), MadridCell(), Network(VerificationResult.False, BarcelonaLat, BarcelonaLon)));
        Assert.Equal(LocationGrade.A, result.Grade);
        Assert.Equal(AgreementState.Agrees, result.StateOf(LocationSource.Network));
    }

    [Fact]
    public void Network_false_for_a_circle_the_fix_straddles_is_inconclusive()
    {
        // A 50 km uncertainty straddles a 2 km circle: FALSE neither supports nor contradicts it.
        var result = LocationFusion.Fuse(Input(Fix(uncertainty: 50_000), network: Network(VerificationResult.False)));
        Assert.Equal((LocationGrade.D, AgreementState.Inconclusive), (result.Grade, result.StateOf(LocationSource.Network)));
    }

    [Fact]
    public void F_network_true_for_a_barcelona_circle_while_the_fix_is_in_madrid()
    {
        var result = LocationFusion.Fuse(Input(Fix(), MadridCell(), Network(VerificationResult.True, BarcelonaLat, BarcelonaLon, 10_000)));
        Assert.Equal(LocationGrade.F, result.Grade);
        AssertFindings(result, FindingCodes.GnssNetworkMismatch);
    }

    [Fact]
    public void F_network_false_alone_has_no_position()
    {
        var result = LocationFusion.Fuse(Input(network: Network(VerificationResult.False)));
        Assert.Equal(LocationGrade.F, result.Grade);
        Assert.Null(result.Latitude);
        AssertFindings(result, FindingCodes.NetworkDenies, FindingCodes.NoLocationSource);
    }

    [Fact]
    public void F_barcelona_ten_minutes_ago_and_madrid_now_is_implausible()
    {
        var previous = new PreviousLocation(BarcelonaLat, BarcelonaLon, 10, Now.AddMinutes(-10));
        var result = LocationFusion.Fuse(Input(Fix(), MadridCell(), Network(VerificationResult.True), previous));
        Assert.Equal(LocationGrade.F, result.Grade);
        AssertFindings(result, FindingCodes.ImplausibleSpeed);
        Assert.Equal(AgreementState.Disagrees, result.StateOf(LocationSource.History));
    }

    [Fact]
    public void Barcelona_three_hours_ago_and_madrid_now_is_plausible()
    {
        // ~505 km in 3 h is 168 km/h: under 252 km/h.
        var previous = new PreviousLocation(BarcelonaLat, BarcelonaLon, 10, Now.AddHours(-3));
        var result = LocationFusion.Fuse(Input(Fix(), MadridCell(), Network(VerificationResult.True), previous));
        Assert.Equal(LocationGrade.A, result.Grade);
        Assert.Equal(AgreementState.Agrees, result.StateOf(LocationSource.History));
    }

    [Theory]
    [InlineData(6_900, false)] // (6900 - 5 - 95) m in 100 s = 68 m/s
    [InlineData(7_200, true)]  // (7200 - 100) m in 100 s = 71 m/s
    public void The_speed_limit_gives_both_radii_the_benefit_of_the_doubt(double metersNorth, bool implausible)
    {
        var previous = new PreviousLocation(NorthOfMadrid(metersNorth), MadridLon, 95, Now.AddSeconds(-100));
        var result = LocationFusion.Fuse(Input(Fix(), previous: previous));
        Assert.Equal(implausible, result.Has(FindingCodes.ImplausibleSpeed));
        Assert.Equal(implausible ? LocationGrade.F : LocationGrade.D, result.Grade);
    }

    [Fact]
    public void Without_gnss_the_speed_check_uses_the_reading_time_and_the_cell()
    {
        var previous = new PreviousLocation(LisbonLat, LisbonLon, 100, Now.AddMinutes(-5));
        Assert.Equal(LocationGrade.F, LocationFusion.Fuse(Input(cell: MadridCell(), previous: previous, time: Now)).Grade);
        // Without any time the check cannot run, and says so by being absent.
        var untimed = LocationFusion.Fuse(Input(cell: MadridCell(), previous: previous));
        Assert.Equal((LocationGrade.D, AgreementState.Absent), (untimed.Grade, untimed.StateOf(LocationSource.History)));
    }

    [Fact]
    public void A_clock_going_backwards_does_not_hide_a_jump()
    {
        var previous = new PreviousLocation(BarcelonaLat, BarcelonaLon, 10, Now.AddHours(5));
        Assert.True(LocationFusion.Fuse(Input(Fix(), previous: previous)).Has(FindingCodes.ImplausibleSpeed));
    }

    [Fact]
    public void F_no_source_at_all()
    {
        var result = LocationFusion.Fuse(Input(cell: CellObservation.Unknown, network: Network(VerificationResult.Unknown)));
        Assert.Equal(LocationGrade.F, result.Grade);
        Assert.Equal((null, null, null), (result.Latitude, result.Longitude, result.RadiusMeters));
        AssertFindings(result, FindingCodes.CellUnknown, FindingCodes.NetworkUnknown, FindingCodes.NoLocationSource);
    }

    [Fact]
    public void Looser_options_turn_the_same_contradiction_into_agreement()
    {
        var cell = Cell(NorthOfMadrid(2400), MadridLon, 1200);
        Assert.Equal(LocationGrade.F, LocationFusion.Fuse(Input(Fix(), cell)).Grade);
        Assert.Equal(LocationGrade.B, LocationFusion.Fuse(Input(Fix(), cell, options: new FusionOptions { CellRangeFactor = 2 })).Grade);
    }

    [Theory]
    [InlineData(double.NaN, 0, 5)]
    [InlineData(91, 0, 5)]
    [InlineData(40, 181, 5)]
    [InlineData(40, 0, -1)]
    [InlineData(40, 0, double.PositiveInfinity)]
    public void Impossible_gnss_values_are_refused(double lat, double lon, double uncertainty)
    {
        Assert.ThrowsAny<ArgumentException>(() => LocationFusion.Fuse(Input(Fix(lat, lon, uncertainty: uncertainty))));
    }

    [Fact]
    public void Impossible_network_and_option_values_are_refused()
    {
        Assert.ThrowsAny<ArgumentException>(() => LocationFusion.Fuse(Input(Fix(), network: Network(VerificationResult.True, matchRate: 50))));
        Assert.ThrowsAny<ArgumentException>(() => LocationFusion.Fuse(Input(Fix(), network: Network(VerificationResult.Partial, matchRate: 100))));
        Assert.ThrowsAny<ArgumentException>(() => LocationFusion.Fuse(Input(Fix(), network: Network(VerificationResult.True, radius: 0))));
        Assert.ThrowsAny<ArgumentException>(() => LocationFusion.Fuse(Input(Fix(), options: new FusionOptions { MaxSpeedMps = 0 })));
        Assert.ThrowsAny<ArgumentException>(() => LocationFusion.Fuse(Input(Fix(), options: new FusionOptions { CellRangeFactor = 0.5 })));
    }
}
