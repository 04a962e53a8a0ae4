using GeoEdge.Jurisdictions.Index;

namespace GeoEdge.Jurisdictions.Tests;

/// <summary>The spatial index must give exactly the answer of the plain point-in-polygon scan it replaces.</summary>
[Collection(AtlasCollection.Name)]
public sealed class IndexAgreesWithScanTests(AtlasFixture fixture)
{
    [Fact]
    public void Countries_agree_on_random_points_over_the_globe() =>
        AssertAgrees(fixture.Atlas.Countries, RandomPoints(20_000, seed: 1, -180, -90, 180, 90));

    [Fact]
    public void Countries_agree_near_borders_in_europe() =>
        AssertAgrees(fixture.Atlas.Countries, RandomPoints(20_000, seed: 2, -10, 36, 30, 60));

    [Fact]
    public void Subdivisions_agree_on_random_points() =>
        AssertAgrees(fixture.Atlas.Subdivisions, RandomPoints(2_000, seed: 3, -180, -60, 180, 75));

    private static void AssertAgrees(Data.RegionSet set, IEnumerable<(double Lon, double Lat)> points)
    {
        var scan = new LinearScanLocator(set.Regions);
        var checkedCount = 0;
        foreach (var (lon, lat) in points)
        {
            var expected = scan.Locate(lon, lat);
            var actual = set.LocateIndex(lon, lat);
            if (expected != actual)
                Assert.Fail($"at ({lat}, {lon}) the index says {Code(set, actual)} and the scan {Code(set, expected)}");
            checkedCount++;
        }
        Assert.True(checkedCount > 0);
    }

    private static string Code(Data.RegionSet set, int index) => index < 0 ? "none" : set.Regions[index].Code;

    private static IEnumerable<(double, double)> RandomPoints(int count, int seed, double minLon, double minLat, double maxLon, double maxLat)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
            yield return (minLon + random.NextDouble() * (maxLon - minLon), minLat + random.NextDouble() * (maxLat - minLat));
    }
}
