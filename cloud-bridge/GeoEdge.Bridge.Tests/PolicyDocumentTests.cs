using GeoEdge.Bridge.Geofencing;
using GeoEdge.Geofencing;

namespace GeoEdge.Bridge.Tests;

public class PolicyDocumentTests
{
    [Fact]
    public void A_circle_policy_gives_a_circle_fence_with_its_centre_and_radius()
    {
        var policy = PolicyDocument.Parse("madrid", 4, """{"type":"circle","center":{"lat":40.416775,"lon":-3.70379},"radiusMeters":5000}""");

        Assert.Equal(("madrid", 4), (policy.Id, policy.Version));
        var circle = Assert.IsType<CircleFence>(policy.Fence);
        Assert.Equal(40.416775, circle.Center.Latitude);
        Assert.Equal(-3.70379, circle.Center.Longitude);
        Assert.Equal(5000, circle.RadiusMeters);
    }

    [Fact]
    public void A_geojson_policy_gives_a_polygon_fence()
    {
        var policy = PolicyDocument.Parse("square", 1, """
            {"type":"geojson","geometry":{"type":"Polygon","coordinates":[[[-4,40],[-3,40],[-3,41],[-4,41],[-4,40]]]}}
            """);

        var fence = Assert.IsType<PolygonFence>(policy.Fence);
        var polygon = Assert.Single(fence.Polygons);
        Assert.Contains(new GeoPoint(41, -3), polygon.Exterior);
    }

    [Theory]
    [InlineData("""{"type":"circle","center":{"lat":40,"lon":-3},"radiusMeters":"5000"}""", "radiusMeters")]
    [InlineData("""{"type":"circle","center":{"lat":40,"lon":-3}}""", "radiusMeters")]
    [InlineData("""{"type":"circle","center":{"lat":40,"lon":-3},"radiusMeters":0}""", "radiusMeters")]
    [InlineData("""{"type":"circle","center":{"lat":40,"lon":-3},"radiusMeters":-5}""", "radiusMeters")]
    [InlineData("""{"type":"circle","radiusMeters":100}""", "center")]
    [InlineData("""{"type":"circle","center":[40,-3],"radiusMeters":100}""", "center")]
    [InlineData("""{"type":"circle","center":{"lon":-3},"radiusMeters":100}""", "center.lat")]
    [InlineData("""{"type":"circle","center":{"lat":"40","lon":-3},"radiusMeters":100}""", "center.lat")]
    [InlineData("""{"type":"circle","center":{"lat":40},"radiusMeters":100}""", "center.lon")]
    [InlineData("""{"type":"circle","center":{"lat":91,"lon":-3},"radiusMeters":100}""", "center")]
    [InlineData("""{"center":{"lat":40,"lon":-3},"radiusMeters":100}""", "type")]
    [InlineData("""{"type":"rectangle"}""", "south")]
    [InlineData("""{"type":"square"}""", "type")]
    [InlineData("""{"type":7}""", "type")]
    [InlineData("""{"type":"geojson"}""", "geometry")]
    [InlineData("""{"type":"geojson","geometry":{"type":"Point","coordinates":[-3,40]}}""", "geometry.type")]
    [InlineData("""{"type":"geojson","geometry":{"type":"Polygon","coordinates":[[[-4,40],[-3,40],[-3,41],[-4,41]]]}}""", "geometry.coordinates[0][3]")]
    [InlineData("""{"type":"geojson","geometry":{"type":"Polygon","coordinates":[[[-4,40],[-3,40],[-3,95],[-4,41],[-4,40]]]}}""", "geometry.coordinates[0][2][1]")]
    public void An_invalid_policy_is_refused_naming_the_field(string body, string field)
    {
        var e = Assert.Throws<GeofencePolicyException>(() => PolicyDocument.Parse("p1", 1, body));

        Assert.Equal(field, e.JsonPath);
        Assert.StartsWith(field + ":", e.Message, StringComparison.Ordinal);
        Assert.Contains("policy 'p1'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json at all", "not JSON")]
    [InlineData("""{"type":"circle",""", "not JSON")]
    [InlineData("[1,2,3]", "must be a JSON object")]
    [InlineData("\"circle\"", "must be a JSON object")]
    public void A_document_that_is_not_a_JSON_object_is_refused_as_a_whole(string body, string problem)
    {
        var e = Assert.Throws<GeofencePolicyException>(() => PolicyDocument.Parse("p1", 1, body));

        Assert.Equal("", e.JsonPath);
        Assert.Contains("policy 'p1'", e.Message, StringComparison.Ordinal);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_policy_larger_than_the_limit_is_refused_before_parsing()
    {
        var body = "{\"type\":\"circle\",\"pad\":\"" + new string('x', PolicyDocument.MaxBytes) + "\"}";

        var e = Assert.Throws<GeofencePolicyException>(() => PolicyDocument.Parse("big", 1, body));

        Assert.Contains($"larger than {PolicyDocument.MaxBytes} bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deeply_nested_JSON_is_refused_not_a_stack_overflow()
    {
        var body = "{\"type\":\"circle\",\"x\":" + new string('[', 10_000) + new string(']', 10_000) + "}";

        var e = Assert.Throws<GeofencePolicyException>(() => PolicyDocument.Parse("deep", 1, body));

        Assert.Contains("not JSON", e.Message, StringComparison.Ordinal);
    }
}
