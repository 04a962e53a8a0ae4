namespace GeoEdge.Geofencing.Tests;

public class GeoPointTests
{
    [Theory]
    [InlineData(90.0001, 0)]
    [InlineData(-90.0001, 0)]
    [InlineData(0, 180.0001)]
    [InlineData(0, -180.0001)]
    [InlineData(double.NaN, 0)]
    [InlineData(0, double.PositiveInfinity)]
    public void Out_of_range_or_non_finite_coordinates_are_refused(double lat, double lon)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new GeoPoint(lat, lon));
    }

    [Fact]
    public void Extreme_valid_coordinates_are_kept_as_given()
    {
        var p = new GeoPoint(-90, 180);
        Assert.Equal(-90, p.Latitude);
        Assert.Equal(180, p.Longitude);
    }

    [Fact]
    public void Circle_radius_must_be_positive_finite_and_at_most_half_the_circumference()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CircleFence(KnownPlaces.Paris, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CircleFence(KnownPlaces.Paris, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CircleFence(KnownPlaces.Paris, 20_016_000));
        Assert.Equal(5, new CircleFence(KnownPlaces.Paris, 5).RadiusMeters);
    }
}
