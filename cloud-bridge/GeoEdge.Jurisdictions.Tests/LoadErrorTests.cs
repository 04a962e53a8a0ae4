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
    [InlineData("""{"type":"FeatureCollection"}""", "with a features array")]
    [InlineData("""{"type":"FeatureCollection","features":{}}""", "with a features array")]
    [InlineData("""{"type":"FeatureCollection","features":[],"features":[]}""", "with a features array")]
    [InlineData("""{"type":"FeatureCollection","features":[]} trailing""", "not valid JSON")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"ES","name":"Spain"},"geometry":{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]]]}},{"type":""", "not valid JSON")]
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

    [Fact]
    public void The_cheap_check_refuses_a_missing_subdivisions_file_but_does_not_parse()
    {
        // A malformed countries file passes: only Load, which parses, can tell.
        File.WriteAllText(Path.Combine(_dir.FullName, JurisdictionAtlas.CountriesFileName), "not json");
        var e = Assert.Throws<JurisdictionDataException>(() => JurisdictionAtlas.CheckFiles(_dir.FullName));
        Assert.EndsWith(JurisdictionAtlas.SubdivisionsFileName, e.FilePath);
        Assert.Contains("file not found", e.Problem);

        File.WriteAllText(Path.Combine(_dir.FullName, JurisdictionAtlas.SubdivisionsFileName), "not json");
        JurisdictionAtlas.CheckFiles(_dir.FullName);
        Assert.Contains("not valid JSON", Assert.Throws<JurisdictionDataException>(() => JurisdictionAtlas.Load(_dir.FullName)).Problem);
    }

    [Fact]
    public void The_cheap_check_refuses_an_oversize_file()
    {
        File.WriteAllText(Path.Combine(_dir.FullName, JurisdictionAtlas.CountriesFileName), "{}");
        var subdivisions = Path.Combine(_dir.FullName, JurisdictionAtlas.SubdivisionsFileName);
        // Sparse: the length is what is checked, no bytes need writing.
        using (var file = File.Create(subdivisions)) file.SetLength(Data.BoundaryFileReader.MaxFileBytes + 1);
        var e = Assert.Throws<JurisdictionDataException>(() => JurisdictionAtlas.CheckFiles(_dir.FullName));
        Assert.Equal(subdivisions, e.FilePath);
        Assert.Contains("more than the", e.Problem);
    }
}
