using static GeoEdge.Geolocation.Tests.Places;

namespace GeoEdge.Geolocation.Tests;

public class StationaryHostTests
{
    private static FusionInput Anchored(GnssObservation fix, double toleranceMeters, PreviousLocation? previous = null) =>
        Input(fix, MadridCell(), Network(VerificationResult.True), previous) with
        {
            Stationary = new StationaryAnchor(MadridLat, MadridLon, toleranceMeters),
        };

    [Fact]
    public void A_stationary_host_at_its_anchor_keeps_grade_A()
    {
        var result = LocationFusion.Fuse(Anchored(Fix(), 200));
        Assert.Equal(LocationGrade.A, result.Grade);
        Assert.Empty(result.Findings);
    }

    [Theory]
    [InlineData(690, false)] // 690 - 5 (fix radius) <= 200 + 500
    [InlineData(720, true)]  // 720 - 5 > 700
    public void Moving_beyond_the_tolerance_and_margin_is_a_contradiction_however_slow(double metersNorth, bool moved)
    {
        // A day since the previous location: far too slow for the speed check, which cannot catch this.
        var previous = new PreviousLocation(MadridLat, MadridLon, 5, Now.AddDays(-1));
        var result = LocationFusion.Fuse(Anchored(Fix(NorthOfMadrid(metersNorth)), 200, previous));
        Assert.Equal(moved, result.Has(FindingCodes.StationaryHostMoved));
        Assert.Equal(moved ? AgreementState.Disagrees : AgreementState.Agrees, result.StateOf(LocationSource.History));
        Assert.Equal(moved ? LocationGrade.F : LocationGrade.A, result.Grade);
        Assert.False(result.Has(FindingCodes.ImplausibleSpeed));
    }

    [Fact]
    public void A_host_that_is_not_stationary_may_move_slowly()
    {
        var previous = new PreviousLocation(MadridLat, MadridLon, 5, Now.AddDays(-1));
        var result = LocationFusion.Fuse(Input(Fix(NorthOfMadrid(5_000)), previous: previous));
        Assert.Equal(LocationGrade.D, result.Grade);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void An_anchor_with_an_impossible_coordinate_is_refused()
    {
        var input = Input(Fix()) with { Stationary = new StationaryAnchor(91, 0, 100) };
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => LocationFusion.Fuse(input));
        Assert.Contains("Stationary.Latitude", error.Message);
    }
}
