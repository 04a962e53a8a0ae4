namespace GeoEdge.Geofencing.Tests;

/// <summary>Classify is the verdict rule on its own: it must say what Evaluate says for the distance Evaluate measured.</summary>
public sealed class ClassifyTests
{
    [Fact]
    public void Classify_agrees_with_Evaluate_for_circles_around_the_boundary()
    {
        var random = new Random(3);
        var fence = new CircleFence(new GeoPoint(40.4168, -3.7038), 10_000);
        var policy = new GeofencePolicy("madrid", 1, fence);
        var seen = new HashSet<GeofenceResult>();
        for (var i = 0; i < 5_000; i++)
        {
            var point = new GeoPoint(40.4168 + (random.NextDouble() - 0.5) * 0.4, -3.7038 + (random.NextDouble() - 0.5) * 0.4);
            var uncertainty = random.NextDouble() * 3_000;
            var decision = GeofenceEvaluator.Evaluate(policy, point, uncertainty);
            Assert.Equal(decision.Result, GeofenceEvaluator.Classify(decision.DistanceToBoundaryMeters, uncertainty));
            seen.Add(decision.Result);
        }
        Assert.Equal(3, seen.Count);
    }

    [Theory]
    [InlineData(1000.0, 900.0, GeofenceResult.Inside)]      // 1000 - 6.001 margin > 900
    [InlineData(1000.0, 994.0, GeofenceResult.Indeterminate)] // 1000 - 6.001 = 993.999, not more than 994
    [InlineData(-1000.0, 900.0, GeofenceResult.Outside)]
    [InlineData(0.0, 0.0, GeofenceResult.Indeterminate)]      // on the boundary, even as an exact point
    public void The_margin_is_part_of_the_rule(double signedDistance, double uncertainty, GeofenceResult expected) =>
        Assert.Equal(expected, GeofenceEvaluator.Classify(signedDistance, uncertainty));
}
