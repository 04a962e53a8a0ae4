using System.Text;
using GeoEdge.Geofencing.GeoJson;

namespace GeoEdge.Geofencing.Tests;

public class GeoJsonParserTests
{
    private const string Square = "[[0,0],[1,0],[1,1],[0,1],[0,0]]";

    [Fact]
    public void Polygon_with_hole_is_read_in_longitude_latitude_order()
    {
        var fence = GeoJsonFenceParser.Parse(KnownPlaces.MadridPolygon);
        var polygon = Assert.Single(fence.Polygons);
        Assert.Equal(7, polygon.Exterior.Count);
        Assert.Equal(new GeoPoint(40.33, -3.83), polygon.Exterior[0]);
        Assert.Equal(5, Assert.Single(polygon.Holes).Count);
    }

    [Fact]
    public void Feature_and_FeatureCollection_wrappers_are_unwrapped_and_united()
    {
        var feature = $$"""{"type":"Feature","properties":{"name":"Madrid"},"geometry":{{KnownPlaces.MadridPolygon}}}""";
        Assert.Single(GeoJsonFenceParser.Parse(feature).Polygons);

        var collection = $$"""{"type":"FeatureCollection","features":[{{feature}},{"type":"Feature","properties":null,"geometry":{{KnownPlaces.MadridAndLyon}}}]}""";
        Assert.Equal(3, GeoJsonFenceParser.Parse(collection).Polygons.Count);
    }

    [Fact]
    public void Utf8_span_overload_reads_the_same_fence()
    {
        var fence = GeoJsonFenceParser.Parse(Encoding.UTF8.GetBytes(KnownPlaces.MadridAndLyon).AsSpan());
        Assert.Equal(2, fence.Polygons.Count);
    }

    [Fact]
    public void Altitude_is_accepted_and_ignored()
    {
        var fence = GeoJsonFenceParser.Parse("""{"type":"Polygon","coordinates":[[[0,0,10],[1,0,10],[1,1,12.5],[0,0,10]]]}""");
        Assert.Equal(4, fence.Polygons[0].Exterior.Count);
    }

    [Theory]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,123.0],[0,0]]]}""", "coordinates[0][2][1]", "latitude 123.0 out of range")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[1,0],[190,1],[0,0]]]}""", "coordinates[0][2][0]", "longitude 190.0 out of range")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0.5]]]}""", "coordinates[0][3]", "not closed")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]}""", "coordinates[0]", "at least 4 positions")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[1],[1,1],[0,0]]]}""", "coordinates[0][1]", "found 1 elements")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],["1",0],[1,1],[0,0]]]}""", "coordinates[0][1][0]", "expected a number, found a string")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1e400],[0,0]]]}""", "coordinates[0][2][1]", "not a finite double")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[1,0],[2,0],[0,0]]]}""", "coordinates[0]", "encloses no area")]
    [InlineData("""{"type":"Polygon","coordinates":[]}""", "coordinates", "needs an exterior ring")]
    [InlineData("""{"type":"Polygon"}""", "coordinates", "required member is missing")]
    [InlineData("""{"type":"Polygon","coordinates":{}}""", "coordinates", "expected an array, found an object")]
    [InlineData("""{"type":"MultiPolygon","coordinates":[]}""", "coordinates", "at least one polygon")]
    [InlineData("""{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],[[[0,0],[1,0],[1,-91],[0,0]]]]}""", "coordinates[1][0][2][1]", "latitude -91.0 out of range")]
    [InlineData("""{"type":"Point","coordinates":[0,0]}""", "type", "does not bound an area")]
    [InlineData("""{"type":"Circle","coordinates":[0,0]}""", "type", "unknown GeoJSON type 'Circle'")]
    [InlineData("""{"coordinates":[]}""", "type", "required member is missing")]
    [InlineData("""[1,2]""", "", "expected an object, found an array")]
    [InlineData("""{"type":"Polygon","type":"Point","coordinates":[]}""", "type", "more than once")]
    [InlineData("""{"type":"Polygon","crs":{"type":"name","properties":{"name":"EPSG:3857"}},"coordinates":[]}""", "crs", "not supported")]
    [InlineData("""{"type":"Polygon","coordinates":[[[179,0],[-179,0],[-179,1],[179,0]]]}""", "coordinates[0][1]", "crosses the antimeridian")]
    [InlineData("""{"type":"Feature","geometry":null}""", "geometry", "expected an object, found null")]
    [InlineData("""{"type":"FeatureCollection","features":[]}""", "features", "at least one feature")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}},{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[true,1],[0,0]]]}}]}""", "features[1].geometry.coordinates[0][2][0]", "expected a number")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Polygon","coordinates":[]}]}""", "features[0].type", "expected a Feature")]
    public void Invalid_GeoJSON_names_the_path_of_the_problem(string json, string expectedPath, string expectedProblem)
    {
        var e = Assert.Throws<GeofencePolicyException>(() => GeoJsonFenceParser.Parse(json));
        Assert.Equal(expectedPath, e.JsonPath);
        Assert.Contains(expectedProblem, e.Message);
        if (expectedPath.Length > 0) Assert.StartsWith(expectedPath + ": ", e.Message);
    }

    [Fact]
    public void Malformed_json_is_reported_with_its_position()
    {
        var e = Assert.Throws<GeofencePolicyException>(() => GeoJsonFenceParser.Parse("""{"type":"Polygon","coordinates":[[[0,0],"""));
        Assert.Equal("", e.JsonPath);
        Assert.Contains("not valid JSON", e.Message);
    }

    [Fact]
    public void Invalid_utf8_is_refused_not_a_crash()
    {
        byte[] json = [.. """{"type":"Poly"""u8, 0xff, 0xfe, .. "\"}"u8];
        var e = Assert.Throws<GeofencePolicyException>(() => GeoJsonFenceParser.Parse(json));
        Assert.Contains("UTF-8", e.Message);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused()
    {
        var json = $$"""{"type":"Polygon","coordinates":{{new string('[', 40)}}{{new string(']', 40)}}}""";
        var e = Assert.Throws<GeofencePolicyException>(() => GeoJsonFenceParser.Parse(json));
        Assert.Contains("depth", e.Message);
    }

    [Fact]
    public void Documents_over_one_MiB_are_refused_before_parsing()
    {
        var json = $$"""{"type":"Polygon","pad":"{{new string('x', GeoJsonFenceParser.MaxDocumentBytes)}}","coordinates":[{{Square}}]}""";
        var e = Assert.Throws<GeofencePolicyException>(() => GeoJsonFenceParser.Parse(json));
        Assert.Contains("more than the 1048576 allowed", e.Message);
    }

    [Fact]
    public void More_than_100k_positions_are_refused_at_the_first_one_too_many()
    {
        var positions = string.Join(",", Enumerable.Repeat("[0,0]", GeoJsonFenceParser.MaxPositions + 1));
        var e = Assert.Throws<GeofencePolicyException>(() => GeoJsonFenceParser.Parse($$"""{"type":"Polygon","coordinates":[[{{positions}}]]}"""));
        Assert.Equal($"coordinates[0][{GeoJsonFenceParser.MaxPositions}]", e.JsonPath);
    }
}
