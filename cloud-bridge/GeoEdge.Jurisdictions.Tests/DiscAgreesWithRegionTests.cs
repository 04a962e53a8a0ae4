using GeoEdge.Geofencing;

namespace GeoEdge.Jurisdictions.Tests;

/// <summary>
/// <see cref="JurisdictionAtlas.DiscWhollyInside"/> measures only the edges near the point; it must give
/// exactly the evaluator's Inside over the whole region's fence, above all where it matters: near borders.
/// </summary>
[Collection(AtlasCollection.Name)]
public sealed class DiscAgreesWithRegionTests(AtlasFixture fixture)
{
    private bool WholeRegionSaysInside(string code, GeoPoint point, double radius) =>
        GeofenceEvaluator.Evaluate(new GeofencePolicy(code, 0, fixture.Atlas.Region(code)!), point, radius).Result == GeofenceResult.Inside;

    [Theory]
    [InlineData(11, 0.05, 5_000)]    // GNSS-sized discs, a few km from a border
    [InlineData(12, 0.5, 50_000)]    // cell-sized discs: the search box spans many index cells
    public void Agrees_with_the_whole_region_near_country_and_subdivision_borders(int seed, double offsetDegrees, double maxRadius)
    {
        var random = new Random(seed);
        var regions = fixture.Atlas.Countries.Regions;
        int inside = 0, notInside = 0;
        for (var i = 0; i < 1500; i++)
        {
            // A random vertex of a random country, moved by up to offsetDegrees, with a radius from 0 to maxRadius.
            var region = regions[random.Next(regions.Count)];
            var v = random.Next(region.Lon.Length);
            var lat = Math.Clamp(region.Lat[v] + (random.NextDouble() - 0.5) * offsetDegrees, -90, 90);
            var lon = Math.Clamp(region.Lon[v] + (random.NextDouble() - 0.5) * offsetDegrees, -180, 180);
            var point = new GeoPoint(lat, lon);
            var radius = random.Next(4) == 0 ? 0 : Math.Exp(random.NextDouble() * Math.Log(maxRadius));
            var match = fixture.Atlas.Locate(lat, lon);
            // The vertex's own region (which the point may have left) and whatever holds the point.
            foreach (var code in new[] { region.Code, match.Country, match.Subdivision }.OfType<string>().Distinct())
            {
                var expected = WholeRegionSaysInside(code, point, radius);
                var actual = fixture.Atlas.DiscWhollyInside(code, point, radius);
                if (actual != expected)
                    Assert.Fail($"{code} at {point} radius {radius} m: the index says {actual}, the whole region {expected}");
                if (expected) inside++; else notInside++;
            }
        }
        // Both answers must have been exercised, or the agreement says nothing.
        Assert.True(inside > 200, $"only {inside} discs inside");
        Assert.True(notInside > 200, $"only {notInside} discs not inside");
    }

    [Theory]
    [InlineData("FJ", -16.75, 179.99, 500)]      // at the antimeridian: the whole region is evaluated
    [InlineData("RU", 66.0, 179.95, 2000)]
    [InlineData("ES", 40.4168, -3.7038, 1000)]   // Madrid: far from any border
    [InlineData("ES", 42.43, 1.5, 3000)]         // the Andorran border
    [InlineData("ES-MD", 40.03, -3.60, 1000)]    // near the Madrid / Castilla-La Mancha line
    [InlineData("GL", 81.5, -40.0, 1000)]
    public void Agrees_at_named_places(string code, double lat, double lon, double radius)
    {
        var point = new GeoPoint(lat, lon);
        Assert.Equal(WholeRegionSaysInside(code, point, radius), fixture.Atlas.DiscWhollyInside(code, point, radius));
    }

    [Fact]
    public void Unknown_codes_and_broken_radii_are_refused()
    {
        Assert.Null(fixture.Atlas.DiscWhollyInside("ZZ", new GeoPoint(0, 0), 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => fixture.Atlas.DiscWhollyInside("ES", new GeoPoint(40, -3), double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => fixture.Atlas.DiscWhollyInside("ES", new GeoPoint(40, -3), -1));
    }
}
