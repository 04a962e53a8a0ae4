using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GeoEdge.Hil.Rig.Camara;

namespace GeoEdge.Hil.Tests;

/// <summary>
/// The rig's CAMARA Device Location Verification v3 operator, driven over real HTTP on loopback
/// the way the bridge drives it: token flow, verdicts for concrete geometry, every refusal the
/// spec defines, scripting, and hostile bodies. Each test gets its own server on a free port.
/// </summary>
public sealed class CamaraServerTests : IAsyncLifetime
{
    private const string Phone = "+34600111222";
    private const string Scope = CamaraServerOptions.VerifyScope;

    // Puerta del Sol, Madrid and Praça do Comércio, Lisbon (about 503 km apart).
    private const double MadridLatitude = 40.416775, MadridLongitude = -3.703790;
    private const double LisbonLatitude = 38.707751, LisbonLongitude = -9.136592;

    private CamaraServer _server = null!;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(20) };

    public async Task InitializeAsync() => _server = await CamaraServer.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    // ---- token flow -------------------------------------------------------------------------

    [Fact]
    public async Task Good_client_credentials_get_a_bearer_token_that_is_never_cached()
    {
        var response = await RequestTokenAsync("geoedge-bridge", "geoedge-bridge-secret", $"grant_type=client_credentials&scope={Uri.EscapeDataString(Scope)}");
        var body = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(300, body.GetProperty("expires_in").GetInt32());
        Assert.Equal(Scope, body.GetProperty("scope").GetString());
        Assert.True(body.GetProperty("access_token").GetString()!.Length >= 40);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        Assert.Equal(1, _server.TokensIssued);
        Assert.StartsWith("http://127.0.0.1:", _server.BaseUrl);
    }

    [Theory]
    [InlineData("geoedge-bridge", "wrong-secret")]
    [InlineData("someone-else", "geoedge-bridge-secret")]
    [InlineData(null, null)]
    public async Task Wrong_or_missing_client_credentials_are_401_invalid_client(string? id, string? secret)
    {
        var response = await RequestTokenAsync(id, secret, $"grant_type=client_credentials&scope={Uri.EscapeDataString(Scope)}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (await JsonAsync(response)).GetProperty("error").GetString());
        Assert.NotEmpty(response.Headers.WwwAuthenticate);
        Assert.Equal(0, _server.TokensIssued);
    }

    [Theory]
    [InlineData("grant_type=password&scope=location-verification%3Averify", 400, "unsupported_grant_type")]
    [InlineData("scope=location-verification%3Averify", 400, "invalid_request")]
    [InlineData("grant_type=client_credentials", 400, "invalid_scope")]
    [InlineData("grant_type=client_credentials&scope=sim-swap%3Acheck", 400, "invalid_scope")]
    [InlineData("grant_type=client_credentials&grant_type=client_credentials&scope=location-verification%3Averify", 400, "invalid_request")]
    [InlineData("grant_type=client_credentials&scope=%ZZ", 400, "invalid_request")]
    public async Task Malformed_token_requests_get_the_oauth_error(string form, int status, string error)
    {
        var response = await RequestTokenAsync("geoedge-bridge", "geoedge-bridge-secret", form);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(error, (await JsonAsync(response)).GetProperty("error").GetString());
        Assert.Equal(0, _server.TokensIssued);
    }

    [Fact]
    public async Task An_expired_token_is_401_unauthenticated()
    {
        _server.SetDeviceLocation(Phone, MadridLatitude, MadridLongitude, 500);
        var token = await TokenAsync();
        Assert.Equal(HttpStatusCode.OK, (await VerifyAsync(token, Body(Phone, MadridLatitude, MadridLongitude, 10_000))).Status);

        _server.ExpireTokens();
        var (status, body, _) = await VerifyAsync(token, Body(Phone, MadridLatitude, MadridLongitude, 10_000));

        AssertError(status, body, 401, "UNAUTHENTICATED");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer not-a-token-this-server-issued")]
    [InlineData("Basic Z2VvZWRnZS1icmlkZ2U6Z2VvZWRnZS1icmlkZ2Utc2VjcmV0")]
    public async Task A_missing_foreign_or_non_bearer_authorization_is_401(string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _server.VerifyUrl)
        {
            Content = new StringContent(Body(Phone, MadridLatitude, MadridLongitude, 10_000), Encoding.UTF8, "application/json"),
        };
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        var response = await _http.SendAsync(request);

        AssertError(response.StatusCode, await JsonAsync(response), 401, "UNAUTHENTICATED");
    }

    [Fact]
    public async Task A_token_without_the_verify_scope_is_403_permission_denied()
    {
        var token = await TokenAsync("location-retrieval:read");
        var (status, body, _) = await VerifyAsync(token, Body(Phone, MadridLatitude, MadridLongitude, 10_000));

        AssertError(status, body, 403, "PERMISSION_DENIED");
    }

    // ---- verdicts -----------------------------------------------------------------------------

    [Fact]
    public async Task A_madrid_sim_in_a_madrid_circle_is_TRUE_with_a_fresh_location_time()
    {
        _server.SetDeviceLocation(Phone, MadridLatitude, MadridLongitude, 500);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var (status, body, _) = await VerifyAsync(await TokenAsync(), Body(Phone, MadridLatitude, MadridLongitude, 10_000, maxAge: 0));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("TRUE", body.GetProperty("verificationResult").GetString());
        Assert.False(body.TryGetProperty("matchRate", out _));
        Assert.False(body.TryGetProperty("device", out _));
        var time = DateTimeOffset.Parse(body.GetProperty("lastLocationTime").GetString()!, CultureInfo.InvariantCulture);
        Assert.InRange(time, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.EndsWith("Z", body.GetProperty("lastLocationTime").GetString());
        Assert.Equal(1, _server.VerificationsFor(Phone));
    }

    [Fact]
    public async Task A_madrid_sim_in_a_lisbon_circle_is_FALSE()
    {
        _server.SetDeviceLocation(Phone, MadridLatitude, MadridLongitude, 500);

        var (status, body, _) = await VerifyAsync(await TokenAsync(), Body(Phone, LisbonLatitude, LisbonLongitude, 50_000));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("FALSE", body.GetProperty("verificationResult").GetString());
        Assert.False(body.TryGetProperty("matchRate", out _));
    }

    /// <summary>
    /// Two 2 km circles whose centers are 2 km apart share r²(2π/3 − √3/2) = 39.1 % of either;
    /// a 2.5 km circle inside a 5 km accuracy circle holds (2.5/5)² = 25 % of it; a 2 km circle
    /// 1.5 km off the center of a 3 km accuracy circle covers 39.7 % of it (lens formula).
    /// </summary>
    [Theory]
    [InlineData(2000, 2000, 2000, 39)]
    [InlineData(5000, 0, 2500, 25)]
    [InlineData(3000, 1500, 2000, 40)]
    public async Task Overlapping_circles_are_PARTIAL_with_the_overlap_share_of_the_network_area(
        double accuracy, double eastOffset, double radius, int matchRate)
    {
        _server.SetDeviceLocation(Phone, MadridLatitude, MadridLongitude, accuracy);
        var east = MadridLongitude + eastOffset / (CircleOverlap.EarthRadiusMeters * Math.Cos(MadridLatitude * Math.PI / 180)) * 180 / Math.PI;

        var (status, body, _) = await VerifyAsync(await TokenAsync(), Body(Phone, MadridLatitude, east, radius));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("PARTIAL", body.GetProperty("verificationResult").GetString());
        Assert.Equal(matchRate, body.GetProperty("matchRate").GetInt32());
    }

    [Fact]
    public async Task An_unlocatable_sim_is_422_unable_to_locate_where_v2_said_UNKNOWN()
    {
        _server.SetUnlocatable(Phone);

        var (status, body, _) = await VerifyAsync(await TokenAsync(), Body(Phone, MadridLatitude, MadridLongitude, 10_000));

        AssertError(status, body, 422, "LOCATION_VERIFICATION.UNABLE_TO_LOCATE");
        Assert.Equal(0, _server.VerificationsFor(Phone));
    }

    [Fact]
    public async Task A_forgotten_or_never_seen_sim_is_404_identifier_not_found()
    {
        _server.SetDeviceLocation(Phone, MadridLatitude, MadridLongitude, 500);
        var token = await TokenAsync();
        _server.ForgetDevice(Phone);

        var forgotten = await VerifyAsync(token, Body(Phone, MadridLatitude, MadridLongitude, 10_000));
        var stranger = await VerifyAsync(token, Body("+34699999999", MadridLatitude, MadridLongitude, 10_000));

        AssertError(forgotten.Status, forgotten.Body, 404, "IDENTIFIER_NOT_FOUND");
        AssertError(stranger.Status, stranger.Body, 404, "IDENTIFIER_NOT_FOUND");
    }

    [Fact]
    public async Task A_fix_older_than_maxAge_is_422_and_a_young_enough_one_reports_its_time()
    {
        var at = new DateTimeOffset(DateTime.UtcNow.AddMinutes(-10).Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);
        _server.SetDeviceLocation(Phone, MadridLatitude, MadridLongitude, 500, at);
        var token = await TokenAsync();

        var stale = await VerifyAsync(token, Body(Phone, MadridLatitude, MadridLongitude, 10_000, maxAge: 60));
        var accepted = await VerifyAsync(token, Body(Phone, MadridLatitude, MadridLongitude, 10_000, maxAge: 3600));
        var anyAge = await VerifyAsync(token, Body(Phone, MadridLatitude, MadridLongitude, 10_000));

        AssertError(stale.Status, stale.Body, 422, "LOCATION_VERIFICATION.UNABLE_TO_FULFILL_MAX_AGE");
        Assert.Equal(HttpStatusCode.OK, accepted.Status);
        Assert.Equal(at, DateTimeOffset.Parse(accepted.Body.GetProperty("lastLocationTime").GetString()!, CultureInfo.InvariantCulture));
        Assert.Equal("TRUE", anyAge.Body.GetProperty("verificationResult").GetString());
    }

    [Fact]
    public async Task Several_identifiers_are_answered_with_the_one_used()
    {
        _server.SetDeviceLocation(Phone, MadridLatitude, MadridLongitude, 500);
        var body = Node(Phone, MadridLatitude, MadridLongitude, 10_000);
        body["device"]!["ipv4Address"] = new JsonObject { ["publicAddress"] = "203.0.113.7", ["publicPort"] = 40000 };

        var (status, answer, _) = await VerifyAsync(await TokenAsync(), body.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, status);
        var device = answer.GetProperty("device");
        Assert.Equal(Phone, device.GetProperty("phoneNumber").GetString());
        Assert.Single(device.EnumerateObject());
    }

    [Fact]
    public async Task A_three_legged_token_names_the_device_so_the_body_must_not()
    {
        _server.SetDeviceLocation(Phone, MadridLatitude, MadridLongitude, 500);
        var token = _server.IssueDeviceToken(Phone);
        var withoutDevice = Node(Phone, MadridLatitude, MadridLongitude, 10_000);
        withoutDevice.Remove("device");

        var implied = await VerifyAsync(token, withoutDevice.ToJsonString());
        var redundant = await VerifyAsync(token, Body(Phone, MadridLatitude, MadridLongitude, 10_000));

        Assert.Equal("TRUE", implied.Body.GetProperty("verificationResult").GetString());
        AssertError(redundant.Status, redundant.Body, 422, "UNNECESSARY_IDENTIFIER");
    }

    [Fact]
    public async Task A_circle_outside_the_operators_coverage_is_422_area_not_covered()
    {
        await using var spain = await CamaraServer.StartAsync(new CamaraServerOptions
        {
            Coverage = new CoverageCircle(MadridLatitude, MadridLongitude, 300_000),
        });
        spain.SetDeviceLocation(Phone, MadridLatitude, MadridLongitude, 500);
        var token = await TokenAsync(server: spain);

        var lisbon = await VerifyAsync(token, Body(Phone, LisbonLatitude, LisbonLongitude, 10_000), server: spain);
        var madrid = await VerifyAsync(token, Body(Phone, MadridLatitude, MadridLongitude, 10_000), server: spain);

        AssertError(lisbon.Status, lisbon.Body, 422, "LOCATION_VERIFICATION.AREA_NOT_COVERED");
        Assert.Equal(HttpStatusCode.OK, madrid.Status);
    }

    // ---- scripting -----------------------------------------------------------------------------

    [Theory]
    [InlineData(429, "TOO_MANY_REQUESTS")]
    [InlineData(503, "UNAVAILABLE")]
    [InlineData(403, "INVALID_TOKEN_CONTEXT")]
    public async Task A_scripted_failure_answers_exactly_the_next_request(int status, string code)
    {
        _server.SetDeviceLocation(Phone, MadridLatitude, MadridLongitude, 500);
        var token = await TokenAsync();
        _server.FailNext(status, code);

        var failed = await VerifyAsync(token, Body(Phone, MadridLatitude, MadridLongitude, 10_000), correlator: "run-7");
        var next = await VerifyAsync(token, Body(Phone, MadridLatitude, MadridLongitude, 10_000));

        AssertError(failed.Status, failed.Body, status, code);
        Assert.Equal("run-7", failed.Correlator);
        Assert.Equal(HttpStatusCode.OK, next.Status);
    }

    [Fact]
    public async Task Latency_delays_every_answer()
    {
        _server.SetDeviceLocation(Phone, MadridLatitude, MadridLongitude, 500);
        var token = await TokenAsync();
        _server.SetLatency(TimeSpan.FromMilliseconds(400));

        var clock = Stopwatch.StartNew();
        var (status, _, _) = await VerifyAsync(token, Body(Phone, MadridLatitude, MadridLongitude, 10_000));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(380), $"answered after {clock.Elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task Counters_count_requests_tokens_and_verdicts_per_sim()
    {
        _server.SetDeviceLocation(Phone, MadridLatitude, MadridLongitude, 500);
        _server.SetDeviceLocation("+34600333444", LisbonLatitude, LisbonLongitude, 500);
        var token = await TokenAsync();
        await VerifyAsync(token, Body(Phone, MadridLatitude, MadridLongitude, 10_000));
        await VerifyAsync(token, Body(Phone, LisbonLatitude, LisbonLongitude, 10_000));
        await VerifyAsync(token, Body(Phone, MadridLatitude, MadridLongitude, 10)); // refused: too small
        await _http.GetAsync(_server.BaseUrl + "/nowhere");

        Assert.Equal(1, _server.TokensIssued);
        Assert.Equal(3, _server.VerifyRequestCount);
        Assert.Equal(5, _server.RequestCount);
        Assert.Equal(2, _server.VerificationsFor(Phone));
        Assert.Equal(0, _server.VerificationsFor("+34600333444"));
    }

    // ---- x-correlator ----------------------------------------------------------------------

    [Fact]
    public async Task The_x_correlator_is_echoed_on_verdicts_and_errors_and_a_malformed_one_is_refused()
    {
        _server.SetDeviceLocation(Phone, MadridLatitude, MadridLongitude, 500);
        var token = await TokenAsync();
        const string correlator = "b4333c46-49c0-4f62-80d7-f0ef930f1c46";

        var verdict = await VerifyAsync(token, Body(Phone, MadridLatitude, MadridLongitude, 10_000), correlator);
        var error = await VerifyAsync(token, "{}", correlator);
        var malformed = await VerifyAsync(token, Body(Phone, MadridLatitude, MadridLongitude, 10_000), "has spaces & ampersands");

        Assert.Equal(correlator, verdict.Correlator);
        Assert.Equal(correlator, error.Correlator);
        AssertError(malformed.Status, malformed.Body, 400, "INVALID_ARGUMENT");
        Assert.Null(malformed.Correlator);
    }

    // ---- validation -------------------------------------------------------------------------

    public static TheoryData<string, int, string> InvalidBodies()
    {
        const string area = "\"area\":{\"areaType\":\"CIRCLE\",\"center\":{\"latitude\":40.4,\"longitude\":-3.7},\"radius\":10000}";
        const string device = "\"device\":{\"phoneNumber\":\"+34600111222\"}";
        string With(string deviceJson, string areaJson = area, string extra = "") => "{" + deviceJson + "," + areaJson + extra + "}";
        string Circle(string center, string radius = "10000", string type = "\"CIRCLE\"") =>
            "\"area\":{\"areaType\":" + type + ",\"center\":" + center + ",\"radius\":" + radius + "}";
        return new TheoryData<string, int, string>
        {
            { "", 400, "INVALID_ARGUMENT" },
            { "{\"device\":", 400, "INVALID_ARGUMENT" },
            { "[]", 400, "INVALID_ARGUMENT" },
            { "null", 400, "INVALID_ARGUMENT" },
            { "{}", 400, "INVALID_ARGUMENT" },
            { "{" + device + "}", 400, "INVALID_ARGUMENT" },
            { With("\"device\":{}"), 400, "INVALID_ARGUMENT" },
            { With("\"device\":null"), 400, "INVALID_ARGUMENT" },
            { With("\"device\":{\"phoneNumber\":\"34600111222\"}"), 400, "INVALID_ARGUMENT" },
            { With("\"device\":{\"phoneNumber\":\"+0600111222\"}"), 400, "INVALID_ARGUMENT" },
            { With("\"device\":{\"phoneNumber\":34600111222}"), 400, "INVALID_ARGUMENT" },
            { With("\"device\":{\"phoneNumber\":\"+34600111222\",\"ipv4Address\":{\"publicAddress\":\"203.0.113.7\"}}"), 400, "INVALID_ARGUMENT" },
            { With("\"device\":{\"phoneNumber\":\"+34600111222\",\"ipv4Address\":{\"publicAddress\":\"256.0.0.1\",\"publicPort\":1}}"), 400, "INVALID_ARGUMENT" },
            { With("\"device\":{\"phoneNumber\":\"+34600111222\",\"ipv4Address\":{\"publicAddress\":\"203.0.113.7\",\"publicPort\":70000}}"), 400, "INVALID_ARGUMENT" },
            { With("\"device\":{\"phoneNumber\":\"+34600111222\",\"ipv6Address\":\"not-an-address\"}"), 400, "INVALID_ARGUMENT" },
            { With(device, "\"area\":{\"areaType\":\"POLYGON\",\"center\":{\"latitude\":40.4,\"longitude\":-3.7},\"radius\":10000}"), 400, "INVALID_ARGUMENT" },
            { With(device, "\"area\":{\"center\":{\"latitude\":40.4,\"longitude\":-3.7},\"radius\":10000}"), 400, "INVALID_ARGUMENT" },
            { With(device, "\"area\":{\"areaType\":\"CIRCLE\",\"radius\":10000}"), 400, "INVALID_ARGUMENT" },
            { With(device, "\"area\":{\"areaType\":\"CIRCLE\",\"center\":{\"latitude\":40.4,\"longitude\":-3.7}}"), 400, "INVALID_ARGUMENT" },
            { With(device, Circle("{\"longitude\":-3.7}")), 400, "INVALID_ARGUMENT" },
            { With(device, Circle("{\"latitude\":\"40.4\",\"longitude\":-3.7}")), 400, "INVALID_ARGUMENT" },
            { With(device, Circle("{\"latitude\":91,\"longitude\":-3.7}")), 400, "OUT_OF_RANGE" },
            { With(device, Circle("{\"latitude\":40.4,\"longitude\":-180.5}")), 400, "OUT_OF_RANGE" },
            { With(device, Circle("{\"latitude\":1e400,\"longitude\":-3.7}")), 400, "OUT_OF_RANGE" },
            { With(device, Circle("{\"latitude\":40.4,\"longitude\":-3.7}", "0")), 400, "OUT_OF_RANGE" },
            { With(device, Circle("{\"latitude\":40.4,\"longitude\":-3.7}", "-5")), 400, "OUT_OF_RANGE" },
            { With(device, extra: ",\"maxAge\":-1"), 400, "OUT_OF_RANGE" },
            { With(device, extra: ",\"maxAge\":1.5"), 400, "INVALID_ARGUMENT" },
            { With(device, extra: ",\"maxAge\":\"60\""), 400, "INVALID_ARGUMENT" },
            { With(device, extra: ",\"maxAge\":99999999999999"), 400, "OUT_OF_RANGE" },
            { With(device, extra: ",\"area\":{}"), 400, "INVALID_ARGUMENT" },
            { With(device, Circle("{\"latitude\":40.4,\"longitude\":-3.7}", "500")), 422, "LOCATION_VERIFICATION.INVALID_AREA" },
            { With(device, Circle("{\"latitude\":40.4,\"longitude\":-3.7}", "250000")), 422, "LOCATION_VERIFICATION.INVALID_AREA" },
            { "{" + area + "}", 422, "MISSING_IDENTIFIER" },
            { With("\"device\":{\"ipv4Address\":{\"publicAddress\":\"203.0.113.7\",\"publicPort\":40000}}"), 422, "UNSUPPORTED_IDENTIFIER" },
            { With("\"device\":{\"networkAccessIdentifier\":\"600111222@operator.example\"}"), 422, "UNSUPPORTED_IDENTIFIER" },
            { With("\"device\":{\"ipv6Address\":\"2001:db8::7\"}"), 422, "UNSUPPORTED_IDENTIFIER" },
            { new string('[', 200) + new string(']', 200), 400, "INVALID_ARGUMENT" },
        };
    }

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Every_schema_and_semantic_violation_gets_the_specs_error(string json, int status, string code)
    {
        _server.SetDeviceLocation(Phone, MadridLatitude, MadridLongitude, 500);

        var (answer, body, _) = await VerifyAsync(await TokenAsync(), json);

        AssertError(answer, body, status, code);
        Assert.Equal(0, _server.VerificationsFor(Phone));
    }

    [Fact]
    public async Task Invalid_utf8_a_wrong_media_type_and_a_wrong_method_are_refused()
    {
        var token = await TokenAsync();

        var utf8 = await SendAsync(token, new ByteArrayContent([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), "application/json");
        var text = await SendAsync(token, new StringContent(Body(Phone, MadridLatitude, MadridLongitude, 10_000)), "text/plain");
        using var get = new HttpRequestMessage(HttpMethod.Get, _server.VerifyUrl);
        get.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var method = await _http.SendAsync(get);

        AssertError(utf8.StatusCode, await JsonAsync(utf8), 400, "INVALID_ARGUMENT");
        AssertError(text.StatusCode, await JsonAsync(text), 415, "UNSUPPORTED_MEDIA_TYPE");
        AssertError(method.StatusCode, await JsonAsync(method), 405, "METHOD_NOT_ALLOWED");
    }

    [Fact]
    public async Task Oversize_bodies_are_refused_with_or_without_a_content_length_and_the_server_lives_on()
    {
        _server.SetDeviceLocation(Phone, MadridLatitude, MadridLongitude, 500);
        var token = await TokenAsync();
        var huge = "{\"padding\":\"" + new string('x', 64 * 1024) + "\"," + Body(Phone, MadridLatitude, MadridLongitude, 10_000)[1..];

        var declared = await SendAsync(token, new StringContent(huge), "application/json");
        // A stream of unknown length goes out chunked, so only the byte count can stop it.
        var chunked = await SendAsync(token, new StreamContent(new NonSeekableStream(Encoding.UTF8.GetBytes(huge))), "application/json");
        var after = await VerifyAsync(token, Body(Phone, MadridLatitude, MadridLongitude, 10_000));

        AssertError(declared.StatusCode, await JsonAsync(declared), 400, "INVALID_ARGUMENT");
        AssertError(chunked.StatusCode, await JsonAsync(chunked), 400, "INVALID_ARGUMENT");
        Assert.Equal(HttpStatusCode.OK, after.Status);
    }

    [Fact]
    public async Task Random_garbage_bodies_are_all_400_and_never_break_the_server()
    {
        _server.SetDeviceLocation(Phone, MadridLatitude, MadridLongitude, 500);
        var token = await TokenAsync();
        var random = new Random(20240611);
        var valid = Encoding.UTF8.GetBytes(Body(Phone, MadridLatitude, MadridLongitude, 10_000));

        for (var round = 0; round < 150; round++)
        {
            // Half pure noise, half a valid body with a few bytes flipped or cut short.
            byte[] bytes;
            if (round % 2 == 0)
            {
                bytes = new byte[random.Next(1, 600)];
                random.NextBytes(bytes);
            }
            else
            {
                bytes = valid[..random.Next(1, valid.Length)];
                for (var flip = 0; flip < 3; flip++) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }
            var response = await SendAsync(token, new ByteArrayContent(bytes), "application/json");
            var status = (int)response.StatusCode;
            Assert.True(status is 200 or 400 or 404 or 422, $"round {round}: status {status}");
            Assert.True((await JsonAsync(response)).TryGetProperty(status == 200 ? "verificationResult" : "code", out _));
        }
        Assert.Equal(HttpStatusCode.OK, (await VerifyAsync(token, Body(Phone, MadridLatitude, MadridLongitude, 10_000))).Status);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static JsonObject Node(string phone, double latitude, double longitude, double radius, long? maxAge = null)
    {
        var body = new JsonObject
        {
            ["device"] = new JsonObject { ["phoneNumber"] = phone },
            ["area"] = new JsonObject
            {
                ["areaType"] = "CIRCLE",
                ["center"] = new JsonObject { ["latitude"] = latitude, ["longitude"] = longitude },
                ["radius"] = radius,
            },
        };
        if (maxAge is { } age) body["maxAge"] = age;
        return body;
    }

    private static string Body(string phone, double latitude, double longitude, double radius, long? maxAge = null) =>
        Node(phone, latitude, longitude, radius, maxAge).ToJsonString();

    private async Task<HttpResponseMessage> RequestTokenAsync(string? id, string? secret, string form, CamaraServer? server = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, (server ?? _server).TokenUrl)
        {
            Content = new StringContent(form, Encoding.ASCII, "application/x-www-form-urlencoded"),
        };
        if (id is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{id}:{secret}")));
        return await _http.SendAsync(request);
    }

    private async Task<string> TokenAsync(string scope = Scope, CamaraServer? server = null)
    {
        var response = await RequestTokenAsync("geoedge-bridge", "geoedge-bridge-secret",
            $"grant_type=client_credentials&scope={Uri.EscapeDataString(scope)}", server);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("access_token").GetString()!;
    }

    private async Task<(HttpStatusCode Status, JsonElement Body, string? Correlator)> VerifyAsync(
        string token, string json, string? correlator = null, CamaraServer? server = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, (server ?? _server).VerifyUrl)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (correlator is not null) request.Headers.TryAddWithoutValidation("x-correlator", correlator);
        var response = await _http.SendAsync(request);
        var echoed = response.Headers.TryGetValues("x-correlator", out var values) ? values.Single() : null;
        return (response.StatusCode, await JsonAsync(response), echoed);
    }

    private async Task<HttpResponseMessage> SendAsync(string token, HttpContent content, string mediaType)
    {
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        using var request = new HttpRequestMessage(HttpMethod.Post, _server.VerifyUrl) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await _http.SendAsync(request);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    private static void AssertError(HttpStatusCode actual, JsonElement body, int status, string code)
    {
        Assert.Equal(status, (int)actual);
        Assert.Equal(status, body.GetProperty("status").GetInt32());
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("message").GetString()));
    }

    /// <summary>A stream that hides its length, so HttpClient must send it chunked.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
