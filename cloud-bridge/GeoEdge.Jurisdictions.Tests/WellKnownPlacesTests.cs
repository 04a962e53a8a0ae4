namespace GeoEdge.Jurisdictions.Tests;

[Collection(AtlasCollection.Name)]
public sealed class WellKnownPlacesTests(AtlasFixture fixture)
{
    [Theory]
    [InlineData("Madrid", 40.4168, -3.7038, "ES", "ES-MD")]
    [InlineData("Paris", 48.8566, 2.3522, "FR", "FR-75")]
    [InlineData("New Delhi", 28.6139, 77.2090, "IN", "IN-DL")]
    [InlineData("Lucknow", 26.8467, 80.9462, "IN", "IN-UP")]
    [InlineData("Sydney", -33.8688, 151.2093, "AU", "AU-NSW")]
    [InlineData("New York", 40.7128, -74.0060, "US", "US-NY")]
    [InlineData("Tokyo", 35.6895, 139.6917, "JP", "JP-13")]
    [InlineData("Barcelona", 41.3874, 2.1686, "ES", "ES-CT")]
    [InlineData("Munich", 48.1351, 11.5820, "DE", "DE-BY")]
    [InlineData("Sao Paulo", -23.5505, -46.6333, "BR", "BR-SP")]
    [InlineData("Toronto", 43.6532, -79.3832, "CA", "CA-ON")]
    public void Capitals_and_cities_are_in_their_country_and_subdivision(string place, double lat, double lon, string country, string subdivision)
    {
        var match = fixture.Atlas.Locate(lat, lon);
        Assert.True(match == new JurisdictionMatch(country, subdivision), $"{place}: {match}");
    }

    [Fact]
    public void Names_come_with_the_codes()
    {
        Assert.Equal("Spain", fixture.Atlas.Name("ES"));
        Assert.Equal("Uttar Pradesh", fixture.Atlas.Name("IN-UP"));
        Assert.Null(fixture.Atlas.Name("ZZ"));
        Assert.Null(fixture.Atlas.Name("ES-ZZ"));
    }

    [Fact]
    public void Country_codes_are_the_iso_3166_1_set()
    {
        var codes = fixture.Atlas.CountryCodes;
        // ISO 3166-1 assigns 249 alpha-2 codes; XK (Kosovo) is the one user-assigned code the data adds.
        Assert.InRange(codes.Count, 245, 251);
        foreach (var code in new[] { "ES", "FR", "VA", "SM", "LS", "MC", "LI", "AD", "PR", "GL", "US", "RU" })
            Assert.Contains(code, codes);
        Assert.DoesNotContain("IC", codes);
        Assert.DoesNotContain("EA", codes);
        Assert.DoesNotContain("EU", codes);
        Assert.DoesNotContain("FX", codes);
    }
}
