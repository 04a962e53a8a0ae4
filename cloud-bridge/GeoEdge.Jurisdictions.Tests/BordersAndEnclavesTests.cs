namespace GeoEdge.Jurisdictions.Tests;

[Collection(AtlasCollection.Name)]
public sealed class BordersAndEnclavesTests(AtlasFixture fixture)
{
    [Theory]
    [InlineData("Irún", 43.3390, -1.7890, "ES")]
    [InlineData("Hendaye", 43.3586, -1.7745, "FR")]
    [InlineData("Tui", 42.0476, -8.6446, "ES")]
    [InlineData("Valença", 42.0276, -8.6444, "PT")]
    [InlineData("Görlitz", 51.1555, 14.9885, "DE")]
    [InlineData("Zgorzelec", 51.1500, 15.0080, "PL")]
    [InlineData("Strasbourg", 48.5734, 7.7521, "FR")]
    [InlineData("Kehl", 48.5722, 7.8156, "DE")]
    [InlineData("El Paso", 31.7619, -106.4850, "US")]
    [InlineData("Ciudad Juárez", 31.6904, -106.4245, "MX")]
    public void Border_towns_are_on_their_side(string place, double lat, double lon, string country) =>
        AssertCountry(place, lat, lon, country);

    [Theory]
    [InlineData("Baarle-Hertog (BE enclave)", 51.4408, 4.9290, "BE")]
    [InlineData("Baarle-Nassau", 51.4450, 4.9390, "NL")]
    [InlineData("Llívia (ES exclave)", 42.4646, 1.9813, "ES")]
    [InlineData("Saillagouse, around Llívia", 42.4573, 2.0370, "FR")]
    [InlineData("Büsingen (DE exclave)", 47.6967, 8.6903, "DE")]
    [InlineData("Schaffhausen, around Büsingen", 47.6960, 8.6340, "CH")]
    [InlineData("Campione d'Italia (IT exclave)", 45.9686, 8.9700, "IT")]
    [InlineData("Lugano, around Campione", 46.0037, 8.9511, "CH")]
    [InlineData("Vatican", 41.9029, 12.4534, "VA")]
    [InlineData("Rome, around the Vatican", 41.8967, 12.4822, "IT")]
    [InlineData("San Marino", 43.9356, 12.4473, "SM")]
    [InlineData("Rimini, around San Marino", 44.0678, 12.5695, "IT")]
    [InlineData("Thaba-Tseka, Lesotho", -29.522, 28.608, "LS")]
    [InlineData("Bloemfontein, around Lesotho", -29.0852, 26.1596, "ZA")]
    [InlineData("Monaco", 43.7384, 7.4246, "MC")]
    [InlineData("Vaduz", 47.1410, 9.5209, "LI")]
    [InlineData("Andorra la Vella", 42.5063, 1.5218, "AD")]
    [InlineData("Kaliningrad (RU exclave)", 54.7104, 20.4522, "RU")]
    [InlineData("Ceuta", 35.8894, -5.3213, "ES")]
    [InlineData("Melilla", 35.2923, -2.9381, "ES")]
    [InlineData("Anchorage, Alaska", 61.2181, -149.9003, "US")]
    public void Microstates_enclaves_and_exclaves_are_their_own(string place, double lat, double lon, string country) =>
        AssertCountry(place, lat, lon, country);

    [Theory]
    [InlineData("Las Palmas, Canary Islands (IC is only reserved)", 28.1235, -15.4363, "ES", "ES-CN")]
    [InlineData("San Juan, Puerto Rico (own alpha-2)", 18.4655, -66.1057, "PR", null)]
    [InlineData("Nuuk, Greenland (own alpha-2)", 64.1814, -51.6941, "GL", null)]
    [InlineData("Hong Kong (own alpha-2)", 22.3193, 114.1694, "HK", null)]
    [InlineData("Fairbanks, Alaska", 64.8378, -147.7164, "US", "US-AK")]
    [InlineData("Honolulu, Hawaii", 21.3069, -157.8583, "US", "US-HI")]
    public void Territories_follow_iso_3166_1(string place, double lat, double lon, string country, string? subdivision)
    {
        var match = fixture.Atlas.Locate(lat, lon);
        Assert.True(match.Country == country && (subdivision is null || match.Subdivision == subdivision), $"{place}: {match}");
        // A subdivision, when there is one, always belongs to the country found.
        Assert.True(match.Subdivision is null || match.Subdivision.StartsWith(country + "-", StringComparison.Ordinal), $"{place}: {match}");
    }

    [Theory]
    [InlineData("Null Island", 0, 0)]
    [InlineData("mid-Atlantic", 30, -40)]
    [InlineData("north-east Pacific", 35, -140)]
    [InlineData("North Pole", 90, 0)]
    [InlineData("Indian Ocean", -30, 80)]
    [InlineData("Pacific at the antimeridian", 0, 180)]
    [InlineData("Pacific at the antimeridian, west side", 0, -180)]
    public void Points_at_sea_have_no_jurisdiction(string place, double lat, double lon)
    {
        var match = fixture.Atlas.Locate(lat, lon);
        Assert.True(match == new JurisdictionMatch(null, null), $"{place}: {match}");
    }

    [Theory]
    [InlineData("South Pole", -90, 0, "AQ")]
    [InlineData("South Pole at the antimeridian", -90, 180, "AQ")]
    [InlineData("Suva, Fiji", -18.1248, 178.4501, "FJ")]
    [InlineData("Taveuni, Fiji, east of the antimeridian", -16.95, -179.98, "FJ")]
    [InlineData("Anadyr, Chukotka", 64.7337, 177.4968, "RU")]
    [InlineData("Chukotka on the antimeridian", 67.0, 180.0, "RU")]
    [InlineData("Chukotka on the antimeridian, west side", 67.0, -180.0, "RU")]
    [InlineData("Uelen, Chukotka, east of the antimeridian", 66.1597, -169.8, "RU")]
    public void Poles_and_the_antimeridian(string place, double lat, double lon, string country) =>
        AssertCountry(place, lat, lon, country);

    [Theory]
    [InlineData(double.NaN, 0)]
    [InlineData(0, double.NaN)]
    [InlineData(90.0001, 0)]
    [InlineData(-91, 0)]
    [InlineData(0, 180.0001)]
    [InlineData(0, -181)]
    [InlineData(double.PositiveInfinity, 0)]
    [InlineData(0, double.NegativeInfinity)]
    public void Invalid_coordinates_are_refused(double lat, double lon)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => fixture.Atlas.Locate(lat, lon));
        Assert.Throws<ArgumentOutOfRangeException>(() => fixture.Atlas.LocateCountry(lat, lon));
    }

    private void AssertCountry(string place, double lat, double lon, string country)
    {
        var match = fixture.Atlas.Locate(lat, lon);
        Assert.True(match.Country == country, $"{place}: expected {country}, got {match}");
    }
}
