namespace GeoEdge.Jurisdictions.Tests;

/// <summary>Missing or hostile boundary files are refused with a typed error naming the file and the problem.</summary>
public sealed class LoadErrorTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("geoedge-juris-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void Missing_files_say_to_run_the_fetch_script()
    {
        var e = Assert.Throws<JurisdictionDataException>(() => JurisdictionAtlas.Load(_dir.FullName));
        Assert.EndsWith(JurisdictionAtlas.CountriesFileName, e.FilePath);
        Assert.Contains("scripts/fetch-boundaries.sh", e.Message);
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("""{"type":"FeatureCollection","features":[]}""", "no features")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"es","name":"Spain"},"geometry":{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]]]}}]}""", "not an ISO 3166-1")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"ES","name":"Spain"},"geometry":{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,1]]]]}}]}""", "not closed")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"ES","name":"Spain"},"geometry":{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,91],[0,0]]]]}}]}""", "out of range")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"ES","name":"Spain"},"geometry":{"type":"MultiPolygon","coordinates":[[[[0,0],["1",0],[1,1],[0,0]]]]}}]}""", "not [longitude, latitude]")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"ES","name":"Spain"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]}""", "MultiPolygon")]
    public void Malformed_country_files_are_refused(string content, string problem)
    {
        var path = Path.Combine(_dir.FullName, JurisdictionAtlas.CountriesFileName);
        File.WriteAllText(path, content);
        var e = Assert.Throws<JurisdictionDataException>(() => JurisdictionAtlas.Load(_dir.FullName));
        Assert.Equal(path, e.FilePath);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void Duplicate_codes_are_refused()
    {
        const string feature = """{"type":"Feature","properties":{"code":"ES","name":"Spain"},"geometry":{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]]]}}""";
        File.WriteAllText(Path.Combine(_dir.FullName, JurisdictionAtlas.CountriesFileName), $$"""{"type":"FeatureCollection","features":[{{feature}},{{feature}}]}""");
        var e = Assert.Throws<JurisdictionDataException>(() => JurisdictionAtlas.Load(_dir.FullName));
        Assert.Contains("more than once", e.Message);
    }
}
