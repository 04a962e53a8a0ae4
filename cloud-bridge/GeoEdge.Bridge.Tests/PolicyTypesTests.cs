using GeoEdge.Bridge.Geofencing;
using GeoEdge.Geofencing;

namespace GeoEdge.Bridge.Tests;

/// <summary>The rectangle and jurisdiction policy types and the disclosure member, with every invalid member named.</summary>
[Collection(AtlasCollection.Name)]
public class PolicyTypesTests(AtlasFixture fixture)
{
    private LocationPolicy Parse(string body) => PolicyDocument.Parse("p1", 3, body, fixture.Jurisdictions);

    [Fact]
    public void A_rectangle_policy_gives_its_box_and_may_cross_the_antimeridian()
    {
        var box = Assert.IsType<RectangleFence>(Parse("""{"type":"rectangle","south":-20,"west":175,"north":-15,"east":-178}""").Fence);

        Assert.Equal((-20, 175, -15, -178), (box.South, box.West, box.North, box.East));
        Assert.True(box.CrossesAntimeridian);
    }

    [Theory]
    [InlineData("""{"type":"jurisdiction","country":"ES"}""", "ES")]
    [InlineData("""{"type":"jurisdiction","subdivision":"IN-UP"}""", "IN-UP")]
    [InlineData("""{"type":"jurisdiction","subdivision":"ES-MD","disclosure":"approximate"}""", "ES-MD")]
    public void A_jurisdiction_policy_is_the_boundary_of_its_region(string body, string code)
    {
        var policy = Parse(body);

        Assert.Equal(code, policy.Jurisdiction);
        Assert.Same(fixture.Atlas.Region(code), policy.Fence);
    }

    [Fact]
    public void Madrid_is_inside_the_Spain_policy_and_outside_the_France_one()
    {
        var madrid = new GeoPoint(40.4168, -3.7038);

        Assert.Equal(GeofenceResult.Inside, GeofenceEvaluator.Evaluate(Parse("""{"type":"jurisdiction","country":"ES"}""").Geofence, madrid, 100).Result);
        Assert.Equal(GeofenceResult.Outside, GeofenceEvaluator.Evaluate(Parse("""{"type":"jurisdiction","country":"FR"}""").Geofence, madrid, 100).Result);
    }

    [Theory]
    [InlineData("""{"type":"circle","center":{"lat":40,"lon":-3},"radiusMeters":100}""", DisclosureLevel.None, 0)]
    [InlineData("""{"type":"circle","center":{"lat":40,"lon":-3},"radiusMeters":100,"disclosure":"none"}""", DisclosureLevel.None, 0)]
    [InlineData("""{"type":"jurisdiction","country":"ES","disclosure":"approximate"}""", DisclosureLevel.Approximate, 0)]
    [InlineData("""{"type":"jurisdiction","country":"ES","disclosure":"precise"}""", DisclosureLevel.Precise, 0)]
    [InlineData("""{"type":"jurisdiction","country":"ES","disclosure":{"type":"circle","radiusMeters":5000}}""", DisclosureLevel.Circle, 5000)]
    [InlineData("""{"type":"jurisdiction","country":"ES","disclosure":{"type":"bounding-box","sizeMeters":20000}}""", DisclosureLevel.BoundingBox, 20000)]
    public void The_disclosure_defaults_to_none_and_takes_every_level(string body, DisclosureLevel level, double size)
    {
        Assert.Equal(new Disclosure(level, size), Parse(body).Disclosure);
    }

    [Theory]
    [InlineData("""{"type":"rectangle","west":-4,"north":41,"east":-3}""", "south")]
    [InlineData("""{"type":"rectangle","south":40,"north":41,"east":-3}""", "west")]
    [InlineData("""{"type":"rectangle","south":40,"west":-4,"east":-3}""", "north")]
    [InlineData("""{"type":"rectangle","south":40,"west":-4,"north":41}""", "east")]
    [InlineData("""{"type":"rectangle","south":"40","west":-4,"north":41,"east":-3}""", "south")]
    [InlineData("""{"type":"rectangle","south":41,"west":-4,"north":40,"east":-3}""", "south")]
    [InlineData("""{"type":"rectangle","south":40,"west":-4,"north":95,"east":-3}""", "north")]
    [InlineData("""{"type":"rectangle","south":40,"west":-190,"north":41,"east":-3}""", "west")]
    [InlineData("""{"type":"rectangle","south":40,"west":-3,"north":41,"east":-3}""", "east")]
    [InlineData("""{"type":"rectangle","south":40,"west":-4,"north":41,"east":-3,"radiusMeters":5}""", "radiusMeters")]
    [InlineData("""{"type":"jurisdiction"}""", "country")]
    [InlineData("""{"type":"jurisdiction","country":"ES","subdivision":"ES-MD"}""", "subdivision")]
    [InlineData("""{"type":"jurisdiction","country":"es"}""", "country")]
    [InlineData("""{"type":"jurisdiction","country":"ESP"}""", "country")]
    [InlineData("""{"type":"jurisdiction","country":34}""", "country")]
    [InlineData("""{"type":"jurisdiction","country":"ES-MD"}""", "country")]
    [InlineData("""{"type":"jurisdiction","country":"QQ"}""", "country")]
    [InlineData("""{"type":"jurisdiction","subdivision":"ES"}""", "subdivision")]
    [InlineData("""{"type":"jurisdiction","subdivision":"ES-ZZ"}""", "subdivision")]
    [InlineData("""{"type":"jurisdiction","subdivision":"ES-md"}""", "subdivision")]
    [InlineData("""{"type":"jurisdiction","country":"ES","city":"Madrid"}""", "city")]
    [InlineData("""{"type":"circle","center":{"lat":40,"lon":-3},"radiusMeters":100,"disclosre":"precise"}""", "disclosre")]
    [InlineData("""{"type":"circle","center":{"lat":40,"lon":-3},"radiusMeters":100,"description":5}""", "description")]
    [InlineData("""{"type":"geojson","geometry":{"type":"Polygon","coordinates":[[[-4,40],[-3,40],[-3,41],[-4,40]]]},"center":1}""", "center")]
    [InlineData("""{"type":"jurisdiction","country":"ES","disclosure":"exact"}""", "disclosure")]
    [InlineData("""{"type":"jurisdiction","country":"ES","disclosure":7}""", "disclosure")]
    [InlineData("""{"type":"jurisdiction","country":"ES","disclosure":"circle"}""", "disclosure")]
    [InlineData("""{"type":"jurisdiction","country":"ES","disclosure":{"type":"precise"}}""", "disclosure.type")]
    [InlineData("""{"type":"jurisdiction","country":"ES","disclosure":{"type":"circle"}}""", "disclosure.radiusMeters")]
    [InlineData("""{"type":"jurisdiction","country":"ES","disclosure":{"type":"circle","sizeMeters":5000}}""", "disclosure.sizeMeters")]
    [InlineData("""{"type":"jurisdiction","country":"ES","disclosure":{"type":"circle","radiusMeters":10}}""", "disclosure.radiusMeters")]
    [InlineData("""{"type":"jurisdiction","country":"ES","disclosure":{"type":"bounding-box","sizeMeters":3000000}}""", "disclosure.sizeMeters")]
    [InlineData("""{"type":"jurisdiction","country":"ES","disclosure":{"type":"bounding-box","sizeMeters":"big"}}""", "disclosure.sizeMeters")]
    public void An_invalid_member_is_refused_by_name(string body, string member)
    {
        var e = Assert.Throws<GeofencePolicyException>(() => Parse(body));

        Assert.Equal(member, e.JsonPath);
        Assert.Contains("policy 'p1'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_atlas_a_jurisdiction_policy_is_refused_saying_why()
    {
        var e = Assert.Throws<GeofencePolicyException>(() => PolicyDocument.Parse("p1", 1, """{"type":"jurisdiction","country":"ES"}"""));

        Assert.Equal("country", e.JsonPath);
        Assert.Contains("no jurisdiction boundaries", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_most_restrictive_disclosure_wins()
    {
        Disclosure precise = new(DisclosureLevel.Precise), approximate = new(DisclosureLevel.Approximate);
        Disclosure box10 = new(DisclosureLevel.BoundingBox, 10_000), circle8 = new(DisclosureLevel.Circle, 8_000);

        Assert.Equal(approximate, Disclosure.MostRestrictive([precise, approximate, box10]));
        Assert.Equal(Disclosure.Least, Disclosure.MostRestrictive([precise, Disclosure.Least]));
        Assert.Equal(Disclosure.Least, Disclosure.MostRestrictive([]));
        // A 16 km circle reveals less than a 10 km box.
        Assert.Equal(circle8, Disclosure.MostRestrictive([box10, circle8, precise]));
    }
}
