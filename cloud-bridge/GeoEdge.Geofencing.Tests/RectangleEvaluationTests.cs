namespace GeoEdge.Geofencing.Tests;

public class RectangleEvaluationTests
{
    // One degree of latitude is 111.2 km on the mean-Earth sphere.
    private const double MetersPerDegree = 111_195;

    private static GeofenceDecision Evaluate(RectangleFence box, double lat, double lon, double uncertainty) =>
        GeofenceEvaluator.Evaluate(new GeofencePolicy("box", 1, box), new GeoPoint(lat, lon), uncertainty);

    [Fact]
    public void A_point_in_the_middle_is_inside_by_its_distance_to_the_nearest_edge()
    {
        var decision = Evaluate(new RectangleFence(40, -4, 41, -3), 40.5, -3.5, 100);

        Assert.Equal(GeofenceResult.Inside, decision.Result);
        // The east and west edges are nearer (0.5 deg of longitude at 40.5 N = 42.3 km) than the parallels (55.6 km).
        Assert.InRange(decision.DistanceToBoundaryMeters, 42_000, 42_600);
    }

    [Fact]
    public void A_point_north_of_the_box_is_outside_by_its_distance_to_the_north_edge()
    {
        var decision = Evaluate(new RectangleFence(40, -4, 41, -3), 41.1, -3.5, 100);

        Assert.Equal(GeofenceResult.Outside, decision.Result);
        Assert.InRange(decision.DistanceToBoundaryMeters, -0.1 * MetersPerDegree - 50, -0.1 * MetersPerDegree + 50);
    }

    [Fact]
    public void An_uncertainty_disc_reaching_over_an_edge_is_indeterminate()
    {
        var nearSouth = 40 + 1000 / MetersPerDegree;

        Assert.Equal(GeofenceResult.Inside, Evaluate(new RectangleFence(40, -4, 41, -3), nearSouth, -3.5, 500).Result);
        Assert.Equal(GeofenceResult.Indeterminate, Evaluate(new RectangleFence(40, -4, 41, -3), nearSouth, -3.5, 1500).Result);
    }

    [Fact]
    public void A_box_across_the_antimeridian_holds_both_sides_of_180_and_the_seam_is_no_edge()
    {
        var fiji = new RectangleFence(-20, 175, -15, -178);

        Assert.True(fiji.CrossesAntimeridian);
        Assert.Equal(7, fiji.WidthDegrees, 9);
        var onSeam = Evaluate(fiji, -17.5, 180, 1000);
        Assert.Equal(GeofenceResult.Inside, onSeam.Result);
        // Nearest edge from (−17.5, 180) is the east edge at −178: 2 deg of longitude at 17.5 S, about 212 km.
        Assert.InRange(onSeam.DistanceToBoundaryMeters, 208_000, 216_000);
        Assert.Equal(GeofenceResult.Inside, Evaluate(fiji, -17.5, -179.5, 1000).Result);
        Assert.Equal(GeofenceResult.Outside, Evaluate(fiji, -17.5, 170, 1000).Result);
        Assert.Equal(GeofenceResult.Outside, Evaluate(fiji, -17.5, 0, 1000).Result);
    }

    [Fact]
    public void A_point_just_across_the_antimeridian_from_a_box_is_measured_the_short_way()
    {
        var decision = Evaluate(new RectangleFence(10, 170, 20, 179.9), 15, -179.9, 0);

        Assert.Equal(GeofenceResult.Outside, decision.Result);
        Assert.InRange(decision.DistanceToBoundaryMeters, -0.2 * MetersPerDegree, -0.15 * MetersPerDegree);
    }

    [Fact]
    public void A_point_on_an_edge_is_indeterminate()
    {
        Assert.Equal(GeofenceResult.Indeterminate, Evaluate(new RectangleFence(40, -4, 41, -3), 40, -3.5, 0).Result);
    }

    [Theory]
    [InlineData(41, -4, 40, -3, "south")]
    [InlineData(40, -4, 40, -3, "south")]
    [InlineData(-91, -4, 40, -3, "south")]
    [InlineData(40, -4, 91, -3, "north")]
    [InlineData(40, -181, 41, -3, "west")]
    [InlineData(40, -4, 41, double.NaN, "east")]
    [InlineData(40, -4, 41, -4, "east")]
    public void An_impossible_box_is_refused_naming_the_bound(double south, double west, double north, double east, string bound)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new RectangleFence(south, west, north, east));
        Assert.Equal(bound, e.ParamName);
    }
}
