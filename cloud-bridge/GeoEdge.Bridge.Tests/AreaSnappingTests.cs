using GeoEdge.Bridge.ResultSigning;
using GeoEdge.Geofencing;
using GeoEdge.Geofencing.Geodesy;

namespace GeoEdge.Bridge.Tests;

/// <summary>The disclosed areas hold the whole disc and depend only on the grid cell, not on the point within it.</summary>
public class AreaSnappingTests
{
    [Fact]
    public void Two_points_in_the_same_cell_get_the_same_box_and_circle()
    {
        GeoPoint a = new(40.4183, -3.7052), b = new(40.4191, -3.7040);

        Assert.Equal(AreaSnapping.Box(a, 50, 20_000), AreaSnapping.Box(b, 50, 20_000));
        Assert.Equal(AreaSnapping.Circle(a, 50, 5_000), AreaSnapping.Circle(b, 50, 5_000));
    }

    [Theory]
    [InlineData(40.4183, -3.7052, 50, 20_000)]
    [InlineData(40.4183, -3.7052, 30_000, 20_000)]
    [InlineData(-17.5, 179.99, 2_000, 10_000)]
    [InlineData(69.6, 18.95, 500, 1_000)]
    public void The_box_holds_the_whole_disc_and_may_cross_the_antimeridian(double lat, double lon, double uncertainty, double size)
    {
        var point = new GeoPoint(lat, lon);
        var box = AreaSnapping.Box(point, uncertainty, size);
        var fence = new RectangleFence(box.South, box.West, box.North, box.East);

        var decision = GeofenceEvaluator.Evaluate(new GeofencePolicy("box", 1, fence), point, uncertainty);
        Assert.Equal(GeofenceResult.Inside, decision.Result);
        Assert.True(box.North - box.South >= size / 111_195 * 0.999);
    }

    [Theory]
    [InlineData(40.4183, -3.7052, 50, 5_000)]
    [InlineData(40.4183, -3.7052, 12_000, 5_000)]
    public void The_circle_holds_the_whole_disc_with_a_radius_in_steps_of_the_size(double lat, double lon, double uncertainty, double radius)
    {
        var point = new GeoPoint(lat, lon);
        var circle = AreaSnapping.Circle(point, uncertainty, radius);

        Assert.Equal(0, circle.RadiusMeters % radius);
        Assert.True(Haversine.DistanceMeters(new GeoPoint(circle.Latitude, circle.Longitude), point) + uncertainty <= circle.RadiusMeters);
    }
}
