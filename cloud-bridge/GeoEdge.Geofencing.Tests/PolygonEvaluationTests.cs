using GeoEdge.Geofencing.GeoJson;

namespace GeoEdge.Geofencing.Tests;

public class PolygonEvaluationTests
{
    private static readonly GeofencePolicy Madrid = new("madrid", 3, GeoJsonFenceParser.Parse(KnownPlaces.MadridPolygon));

    [Fact]
    public void City_centre_is_inside_and_its_nearest_boundary_is_the_park_hole()
    {
        // Sol is 0.0365 degrees of longitude east of the hole's east edge (-3.74): 0.0365 * 111195 * cos(40.417) = 3.09 km.
        var decision = GeofenceEvaluator.Evaluate(Madrid, KnownPlaces.PuertaDelSol, 1000);
        Assert.Equal(GeofenceResult.Inside, decision.Result);
        Assert.InRange(decision.DistanceToBoundaryMeters, 3_070, 3_110);
    }

    [Fact]
    public void City_centre_with_uncertainty_reaching_the_park_is_indeterminate()
    {
        var decision = GeofenceEvaluator.Evaluate(Madrid, KnownPlaces.PuertaDelSol, 3_500);
        Assert.Equal(GeofenceResult.Indeterminate, decision.Result);
    }

    [Fact]
    public void A_point_in_the_hole_is_outside()
    {
        // The hole is 0.04 x 0.04 degrees; the point is 0.02 degrees of longitude (1.69 km) from its east and west edges.
        var decision = GeofenceEvaluator.Evaluate(Madrid, KnownPlaces.InsideCasaDeCampo, 500);
        Assert.Equal(GeofenceResult.Outside, decision.Result);
        Assert.InRange(decision.DistanceToBoundaryMeters, -1_700, -1_685);
    }

    [Fact]
    public void A_point_in_the_hole_with_large_uncertainty_is_indeterminate()
    {
        Assert.Equal(GeofenceResult.Indeterminate, GeofenceEvaluator.Evaluate(Madrid, KnownPlaces.InsideCasaDeCampo, 2_000).Result);
    }

    [Theory]
    // The southern edge runs along latitude 40.33; 0.0009 degrees of latitude is 100.1 m.
    [InlineData(40.3309, 50, GeofenceResult.Inside)]
    [InlineData(40.3309, 150, GeofenceResult.Indeterminate)]
    [InlineData(40.3291, 50, GeofenceResult.Outside)]
    [InlineData(40.3291, 150, GeofenceResult.Indeterminate)]
    public void Near_an_edge_the_uncertainty_decides(double latitude, double uncertainty, GeofenceResult expected)
    {
        var decision = GeofenceEvaluator.Evaluate(Madrid, new GeoPoint(latitude, -3.70), uncertainty);
        Assert.Equal(expected, decision.Result);
        Assert.InRange(Math.Abs(decision.DistanceToBoundaryMeters), 99.5, 100.7);
    }

    [Theory]
    [InlineData(40.33, -3.70)]  // on the southern edge
    [InlineData(40.33, -3.83)]  // on the south-west vertex
    [InlineData(40.42, -3.74)]  // on the hole's east edge
    public void A_point_exactly_on_the_boundary_is_indeterminate_at_distance_zero(double latitude, double longitude)
    {
        var decision = GeofenceEvaluator.Evaluate(Madrid, new GeoPoint(latitude, longitude), 0);
        Assert.Equal(GeofenceResult.Indeterminate, decision.Result);
        Assert.Equal(0, decision.DistanceToBoundaryMeters);
        Assert.Contains("on the boundary", decision.Explanation);
    }

    [Fact]
    public void Toledo_is_outside_Madrid()
    {
        var decision = GeofenceEvaluator.Evaluate(Madrid, KnownPlaces.Toledo, 5_000);
        Assert.Equal(GeofenceResult.Outside, decision.Result);
        Assert.True(decision.DistanceToBoundaryMeters < -40_000);
    }

    [Fact]
    public void MultiPolygon_admits_each_of_its_polygons_and_keeps_the_hole()
    {
        var both = new GeofencePolicy("madrid-lyon", 1, GeoJsonFenceParser.Parse(KnownPlaces.MadridAndLyon));
        Assert.Equal(GeofenceResult.Inside, GeofenceEvaluator.Evaluate(both, KnownPlaces.LyonBellecour, 100).Result);
        Assert.Equal(GeofenceResult.Inside, GeofenceEvaluator.Evaluate(both, KnownPlaces.PuertaDelSol, 100).Result);
        Assert.Equal(GeofenceResult.Outside, GeofenceEvaluator.Evaluate(both, KnownPlaces.InsideCasaDeCampo, 100).Result);
        Assert.Equal(GeofenceResult.Outside, GeofenceEvaluator.Evaluate(both, KnownPlaces.Paris, 100).Result);
    }

    [Fact]
    public void Lyon_point_distance_is_to_the_nearest_side_of_the_square()
    {
        // Bellecour (45.7578, 4.8320) is 0.0422 degrees of latitude (4.69 km) below the north edge at 45.80,
        // and 0.052 degrees of longitude (4.03 km at 45.76 N) from the west edge at 4.78: the west edge wins.
        var lyon = new GeofencePolicy("lyon", 1, GeoJsonFenceParser.Parse($$"""{"type":"Polygon","coordinates":[{{KnownPlaces.LyonSquare}}]}"""));
        var decision = GeofenceEvaluator.Evaluate(lyon, KnownPlaces.LyonBellecour, 0);
        Assert.InRange(decision.DistanceToBoundaryMeters, 4_010, 4_050);
    }

    [Fact]
    public void Polygon_split_at_the_antimeridian_is_accepted_and_measured_across_it()
    {
        // Fiji-like piece east of 179 E, cut at +180 as RFC 7946 asks; the point is just across the seam.
        var fence = GeoJsonFenceParser.Parse("""{"type":"Polygon","coordinates":[[[179,-18],[180,-18],[180,-16],[179,-16],[179,-18]]]}""");
        var decision = GeofenceEvaluator.Evaluate(new GeofencePolicy("fiji-west", 1, fence), new GeoPoint(-17, -179.99), 100);
        Assert.Equal(GeofenceResult.Outside, decision.Result);
        Assert.InRange(decision.DistanceToBoundaryMeters, -1_070, -1_055); // 0.01 deg * 111.2 km * cos 17
    }
}
