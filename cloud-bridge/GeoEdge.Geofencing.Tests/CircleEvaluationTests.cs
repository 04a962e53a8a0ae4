using GeoEdge.Geofencing.Geodesy;

namespace GeoEdge.Geofencing.Tests;

public class CircleEvaluationTests
{
    // 10 km around Notre-Dame; test points sit due north, where 0.05 degrees of latitude is 5.56 km.
    private static readonly GeofencePolicy Paris10Km = new("paris-10km", 1, new CircleFence(KnownPlaces.Paris, 10_000));
    private static GeoPoint NorthOfParis(double degrees) => new(KnownPlaces.Paris.Latitude + degrees, KnownPlaces.Paris.Longitude);

    [Fact]
    public void Point_well_inside_with_small_uncertainty_is_inside()
    {
        var decision = GeofenceEvaluator.Evaluate(Paris10Km, NorthOfParis(0.05), 1000);
        Assert.Equal(GeofenceResult.Inside, decision.Result);
        Assert.InRange(decision.DistanceToBoundaryMeters, 4_430, 4_450); // 10 km - 5.56 km
        Assert.Contains("paris-10km", decision.Explanation);
    }

    [Fact]
    public void Uncertainty_disc_straddling_the_circle_is_indeterminate()
    {
        var decision = GeofenceEvaluator.Evaluate(Paris10Km, NorthOfParis(0.05), 5000);
        Assert.Equal(GeofenceResult.Indeterminate, decision.Result);
        Assert.True(decision.DistanceToBoundaryMeters > 0, "the point itself is still inside");
    }

    [Fact]
    public void Point_well_outside_is_outside_with_negative_distance()
    {
        var decision = GeofenceEvaluator.Evaluate(Paris10Km, NorthOfParis(0.2), 1000);
        Assert.Equal(GeofenceResult.Outside, decision.Result);
        Assert.InRange(decision.DistanceToBoundaryMeters, -12_250, -12_230); // 22.24 km - 10 km
    }

    [Fact]
    public void London_is_outside_a_100_km_circle_around_Paris_by_about_243_km()
    {
        var policy = new GeofencePolicy("paris-100km", 2, new CircleFence(KnownPlaces.Paris, 100_000));
        var decision = GeofenceEvaluator.Evaluate(policy, KnownPlaces.London, 0);
        Assert.Equal(GeofenceResult.Outside, decision.Result);
        Assert.InRange(decision.DistanceToBoundaryMeters, -244_500, -242_500);
    }

    [Fact]
    public void Distance_just_above_the_uncertainty_is_not_enough_without_the_model_margin()
    {
        // 4441 m from the boundary: 4400 m of uncertainty plus ~27 m of model margin still fits, 4430 does not.
        Assert.Equal(GeofenceResult.Inside, GeofenceEvaluator.Evaluate(Paris10Km, NorthOfParis(0.05), 4400).Result);
        Assert.Equal(GeofenceResult.Indeterminate, GeofenceEvaluator.Evaluate(Paris10Km, NorthOfParis(0.05), 4430).Result);
    }

    [Fact]
    public void Zero_uncertainty_is_allowed_and_exact_centre_is_inside()
    {
        var decision = GeofenceEvaluator.Evaluate(Paris10Km, KnownPlaces.Paris, 0);
        Assert.Equal(GeofenceResult.Inside, decision.Result);
        Assert.Equal(10_000, decision.DistanceToBoundaryMeters, 1e-6);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-1)]
    [InlineData(double.PositiveInfinity)]
    public void Broken_uncertainty_is_an_error_not_a_verdict(double uncertainty)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GeofenceEvaluator.Evaluate(Paris10Km, KnownPlaces.Paris, uncertainty));
    }

    [Fact]
    public void Circle_distance_is_the_haversine_distance_to_the_centre_minus_the_radius()
    {
        var decision = GeofenceEvaluator.Evaluate(Paris10Km, KnownPlaces.London, 0);
        Assert.Equal(10_000 - Haversine.DistanceMeters(KnownPlaces.Paris, KnownPlaces.London), decision.DistanceToBoundaryMeters, 1e-6);
    }
}
