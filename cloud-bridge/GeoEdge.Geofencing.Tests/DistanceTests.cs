using GeoEdge.Geofencing.Geodesy;

namespace GeoEdge.Geofencing.Tests;

public class DistanceTests
{
    [Fact]
    public void Paris_to_London_matches_the_published_great_circle_distance()
    {
        // Published great-circle distance between the two city centres: about 343.5 km.
        var km = Haversine.DistanceMeters(KnownPlaces.Paris, KnownPlaces.London) / 1000;
        Assert.InRange(km, 342.5, 344.5);
    }

    [Fact]
    public void One_degree_of_latitude_is_about_111_2_km()
    {
        var km = Haversine.DistanceMeters(new GeoPoint(45, 7), new GeoPoint(46, 7)) / 1000;
        Assert.InRange(km, 111.1, 111.3);
    }

    [Fact]
    public void One_degree_of_longitude_at_60_north_is_half_a_degree_of_latitude()
    {
        var meters = Haversine.DistanceMeters(new GeoPoint(60, 10), new GeoPoint(60, 11));
        Assert.InRange(meters, 55_550, 55_650); // 111.2 km * cos 60
    }

    [Fact]
    public void Antipodal_points_do_not_produce_NaN()
    {
        var meters = Haversine.DistanceMeters(new GeoPoint(0, 0), new GeoPoint(0, 180));
        Assert.Equal(Math.PI * Haversine.EarthRadiusMeters, meters, 1e-3);
    }

    [Theory]
    // Tromso (69.6 N): where the east-west scale changes fastest over the span; edges ~100 km.
    [InlineData(69.65, 18.95, 69.20, 18.00, 70.10, 19.80)]
    [InlineData(69.65, 18.95, 72.00, 15.00, 72.30, 25.00)] // ~270 km north of the point
    [InlineData(69.65, 18.95, 72.00, 10.00, 75.00, 30.00)] // ~370 km: a single projection pass is off by 0.13 % here
    [InlineData(60.00, 10.00, 63.00, 5.00, 66.00, 20.00)]  // ~410 km: single pass off by 0.06 %
    [InlineData(40.42, -3.70, 40.33, -3.83, 40.33, -3.60)] // Madrid's southern edge, nearest point mid-edge
    [InlineData(40.42, -3.70, 41.00, -3.00, 41.50, -2.00)] // nearest point is an end of the edge
    [InlineData(-33.9, 151.2, -34.5, 150.0, -33.0, 150.5)] // southern hemisphere (Sydney)
    public void Segment_distance_agrees_with_dense_sampling_of_the_edge(double pLat, double pLon, double aLat, double aLon, double bLat, double bLon)
    {
        var p = new GeoPoint(pLat, pLon);
        var a = new GeoPoint(aLat, aLon);
        var b = new GeoPoint(bLat, bLon);

        // Independent reference: walk the straight lon/lat edge in 400k steps, haversine to each.
        var reference = double.PositiveInfinity;
        const int steps = 400_000;
        for (var i = 0; i <= steps; i++)
        {
            var t = (double)i / steps;
            reference = Math.Min(reference, Haversine.DistanceMeters(pLat, pLon, aLat + t * (bLat - aLat), aLon + t * (bLon - aLon)));
        }

        var computed = SegmentDistance.DistanceMeters(p, a, b);
        Assert.InRange(computed, reference * (1 - 1e-4), reference * (1 + 1e-4));
    }

    [Fact]
    public void Segment_distance_measures_the_short_way_across_the_antimeridian()
    {
        // The edge runs along +180; the point is 0.01 degrees east of it, at -179.99.
        var meters = SegmentDistance.DistanceMeters(new GeoPoint(0.5, -179.99), new GeoPoint(0, 180), new GeoPoint(1, 180));
        Assert.InRange(meters, 1105, 1120);
    }
}
