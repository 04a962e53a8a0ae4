using System.Text;
using System.Text.Json;
using GeoEdge.Bridge.ResultSigning;
using GeoEdge.Bridge.Store;
using GeoEdge.Bridge.Verification;
using GeoEdge.Ear;
using GeoEdge.Hil.Rig.Scenarios;
using GeoEdge.Wire.Messages;
using GeoEdge.Wire.Readings;

namespace GeoEdge.Bridge.Tests;

/// <summary>
/// The signed EAR and the plain result under each disclosure level: the geographic result claims, the
/// policy id and version, and no coordinates at all (byte-wise, in the JWT payload) below circle.
/// </summary>
[Collection(AtlasCollection.Name)]
public sealed class DisclosureClaimsTests : IDisposable
{
    private const string Host = "edge-01";
    // The fix the tests use, in central Madrid; its digits must not appear in a payload that may not reveal them.
    private const double Lat = 40.4183, Lon = -3.7052;

    private readonly AtlasFixture _fixture;
    private readonly TempStore _temp = new();
    private readonly EarSigningKey _key = EarSigningKey.Generate();
    private ulong _seq;

    public DisclosureClaimsTests(AtlasFixture fixture)
    {
        _fixture = fixture;
        _temp.Enroll(Host);
    }

    public void Dispose()
    {
        _key.Dispose();
        _temp.Dispose();
    }

    private (ResultMessage Message, EarSubmodule Location, string Payload) Issue(params (string Id, string Body)[] policies)
    {
        foreach (var (id, body) in policies) _temp.Store.PutPolicy(Host, id, body, DateTimeOffset.UtcNow);
        var fix = AuthenticatedFixes.At(Lat, Lon);
        var reading = new Reading { V = Reading.CurrentVersion, HostId = Host, Seq = ++_seq, Time = fix.Time, NonceEpoch = "q1w2e3r4t5y6u7i8", Fix = fix };
        var accepted = new AcceptedReading(Host, reading.Seq, CanonicalReading.Encode(reading), [1], [2], new TpmCounters(reading.Seq, 1000 * reading.Seq, 1, 0));
        Assert.True(_temp.Store.TryAcceptReading(accepted, DateTimeOffset.UtcNow));
        var location = _temp.Assessor(jurisdictions: _fixture.Jurisdictions).AssessAsync(Host, reading, CancellationToken.None).GetAwaiter().GetResult();
        var platform = new Appraisal.PlatformAppraisal([], new PlatformState(Host, 1));
        var message = new ResultIssuer(_temp.Store, _key, TimeProvider.System, TimeSpan.FromMinutes(15), "test")
            .Issue(new VerificationOutcome(Host, reading, [], accepted), platform, location);
        var verification = EarJwt.Verify(message.Ear, new Jwks([_key.PublicKey]), DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        Assert.True(verification.IsValid, verification.Failure?.ToString());
        var payload = Encoding.UTF8.GetString(Base64UrlDecode(message.Ear.Split('.')[1]));
        return (message, verification.Ear!.Submodules[ResultIssuer.LocationSubmodule], payload);
    }

    private static byte[] Base64UrlDecode(string s)
    {
        var b = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(b.PadRight(b.Length + (4 - b.Length % 4) % 4, '='));
    }

    private static string Spain(string disclosure) => $$"""{"type":"jurisdiction","country":"ES","disclosure":{{disclosure}}}""";

    private static JsonElement? Geographic(EarSubmodule s) => s.Extensions.TryGetValue("ear.geographic-result-claims", out var g) ? g : null;

    private static void AssertNoCoordinates(ResultMessage message, string payload)
    {
        Assert.Null(message.Latitude);
        Assert.Null(message.Longitude);
        Assert.Null(message.UncertaintyMeters);
        // Neither the latitude nor the longitude in any rounding a serialiser might print.
        foreach (var digits in new[] { "40.41", "40.42", "-3.70", "-3.71", "3.705" })
            Assert.DoesNotContain(digits, payload, StringComparison.Ordinal);
        Assert.DoesNotContain("latitude", payload, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("distanceToBoundary", payload, StringComparison.Ordinal);
        Assert.DoesNotContain("40.4", string.Join(" ", message.Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public void None_reveals_the_match_result_and_policy_but_no_coordinates_and_no_jurisdiction()
    {
        var (message, location, payload) = Issue(("spain", Spain("\"none\"")));

        AssertNoCoordinates(message, payload);
        Assert.Null(Geographic(location));
        var geofence = location.Extensions["geoedge.geofence"];
        Assert.Equal("inside", geofence.GetProperty("result").GetString());
        Assert.Equal("none", geofence.GetProperty("disclosure").GetString());
        var policy = Assert.Single(geofence.GetProperty("policies").EnumerateArray());
        Assert.Equal(("spain", 1, "inside"), (policy.GetProperty("id").GetString(), policy.GetProperty("version").GetInt32(), policy.GetProperty("result").GetString()));
        Assert.False(string.IsNullOrEmpty(location.Extensions["geoedge.location"].GetProperty("grade").GetString()));
        // Freshness stays top-level whatever the disclosure.
        using var top = JsonDocument.Parse(payload);
        foreach (var claim in new[] { "iat", "exp", "eat_nonce" }) Assert.True(top.RootElement.TryGetProperty(claim, out _), claim);
        Assert.Equal("inside", message.Geofence);
    }

    [Fact]
    public void A_policy_without_a_disclosure_reveals_nothing_either()
    {
        var (message, location, payload) = Issue(("spain", """{"type":"jurisdiction","country":"ES"}"""));

        AssertNoCoordinates(message, payload);
        Assert.Null(Geographic(location));
    }

    [Fact]
    public void Approximate_reveals_country_and_state_but_no_coordinates()
    {
        var (message, location, payload) = Issue(("spain", Spain("\"approximate\"")));

        AssertNoCoordinates(message, payload);
        var grc = Geographic(location)!.Value;
        Assert.Equal("ES", grc.GetProperty("grc.jurisdiction-country").GetString());
        Assert.Equal("ES-MD", grc.GetProperty("grc.jurisdiction-state").GetString());
        Assert.Equal(1, grc.GetProperty("grc.basis").GetProperty("class").GetInt32());
        Assert.False(grc.TryGetProperty("grc.jurisdiction-city", out _));
        Assert.Contains("\"grc.jurisdiction-country\":\"ES\"", payload, StringComparison.Ordinal);
    }

    [Fact]
    public void Bounding_box_reveals_a_snapped_box_holding_the_fix_and_its_enclosing_disc()
    {
        var (message, location, payload) = Issue(("spain", Spain("""{"type":"bounding-box","sizeMeters":20000}""")));

        var area = location.Extensions["geoedge.disclosed-area"];
        Assert.Equal("bounding-box", area.GetProperty("type").GetString());
        var (s, w, n, e) = (area.GetProperty("south").GetDouble(), area.GetProperty("west").GetDouble(), area.GetProperty("north").GetDouble(), area.GetProperty("east").GetDouble());
        Assert.InRange(Lat, s, n);
        Assert.InRange(Lon, w, e);
        Assert.InRange(n - s, 0.17, 0.37); // one or two 20 km rows
        Assert.NotEqual(Lat, message.Latitude);
        Assert.InRange(message.UncertaintyMeters!.Value, 10_000, 40_000);
        Assert.Equal("ES", Geographic(location)!.Value.GetProperty("grc.jurisdiction-country").GetString());
        Assert.DoesNotContain("40.4183", payload, StringComparison.Ordinal);
    }

    [Fact]
    public void Circle_reveals_a_snapped_circle_holding_the_fix()
    {
        var (message, location, payload) = Issue(("spain", Spain("""{"type":"circle","radiusMeters":5000}""")));

        var area = location.Extensions["geoedge.disclosed-area"];
        Assert.Equal("circle", area.GetProperty("type").GetString());
        var radius = area.GetProperty("radiusMeters").GetDouble();
        Assert.Equal(0, radius % 5000);
        var center = new GeoEdge.Geofencing.GeoPoint(area.GetProperty("center").GetProperty("lat").GetDouble(), area.GetProperty("center").GetProperty("lon").GetDouble());
        Assert.True(GeoEdge.Geofencing.Geodesy.Haversine.DistanceMeters(center, new GeoEdge.Geofencing.GeoPoint(Lat, Lon)) < radius);
        Assert.Equal((center.Latitude, radius), (message.Latitude, message.UncertaintyMeters));
        Assert.DoesNotContain("40.4183", payload, StringComparison.Ordinal);
    }

    [Fact]
    public void Precise_reveals_the_coordinates()
    {
        var (message, location, _) = Issue(("spain", Spain("\"precise\"")));

        Assert.Equal(Lat, message.Latitude!.Value, 6);
        Assert.Equal(Lat, location.Extensions["geoedge.geofence"].GetProperty("latitude").GetDouble(), 6);
        Assert.Equal(Lat, location.Extensions["geoedge.location"].GetProperty("latitude").GetDouble(), 6);
        Assert.Equal("ES-MD", Geographic(location)!.Value.GetProperty("grc.jurisdiction-state").GetString());
    }

    [Fact]
    public void With_several_policies_the_most_restrictive_disclosure_wins()
    {
        var (message, location, payload) = Issue(
            ("madrid", """{"type":"circle","center":{"lat":40.416775,"lon":-3.70379},"radiusMeters":5000,"disclosure":"precise"}"""),
            ("spain", Spain("\"approximate\"")));

        AssertNoCoordinates(message, payload);
        Assert.Equal("ES", Geographic(location)!.Value.GetProperty("grc.jurisdiction-country").GetString());
        Assert.Equal(2, location.Extensions["geoedge.geofence"].GetProperty("policies").GetArrayLength());
    }

    [Fact]
    public void Outside_a_France_policy_the_result_is_contraindicated_and_still_says_where_it_is_at_the_allowed_level()
    {
        var (message, location, payload) = Issue(("france", """{"type":"jurisdiction","country":"FR","disclosure":"approximate"}"""));

        Assert.Equal("outside", message.Geofence);
        Assert.Equal(EarStatus.Contraindicated, location.Status);
        Assert.Equal("ES", Geographic(location)!.Value.GetProperty("grc.jurisdiction-country").GetString());
        Assert.Contains("outside-fence: " + LocationDisclosure.Withheld, message.Reasons);
        AssertNoCoordinates(message, payload);
    }
}
