using System.Diagnostics;
using System.Text;
using System.Text.Json;
using static GeoEdge.Geolocation.Tests.Places;

namespace GeoEdge.Geolocation.Tests;

public sealed class CamaraClientTests : IDisposable
{
    private static readonly CamaraDevice Phone = new(PhoneNumber: "+34600111222");
    private static string Located(TimeSpan ago) => (Now - ago).ToString("yyyy-MM-ddTHH:mm:ssZ");

    private readonly FakeCamaraServer _server = new();
    private readonly HttpClient _http = new();
    private readonly ManualClock _clock = new(Now);

    public void Dispose()
    {
        _http.Dispose();
        _server.Dispose();
    }

    private CamaraLocationVerificationClient Client(TimeSpan? timeout = null, int maxBytes = 64 * 1024) => new(_http, new CamaraOptions
    {
        BaseUrl = _server.BaseUrl,
        TokenUrl = _server.TokenUrl,
        ClientId = FakeCamaraServer.ClientId,
        ClientSecret = FakeCamaraServer.ClientSecret,
        Scope = "location-verification:verify",
        RequestTimeout = timeout ?? TimeSpan.FromSeconds(10),
        MaxResponseBytes = maxBytes,
    }, _clock);

    private Task<LocationVerification> Verify(CamaraLocationVerificationClient client, int? maxAge = 120) =>
        client.VerifyAsync(Phone, MadridLat, MadridLon, 2000, maxAge, CancellationToken.None);

    private void Answer(string json) => _server.OnVerify = _ => FakeReply.Json(200, json);

    [Fact]
    public async Task Sends_the_v3_request_with_token_correlator_and_circle()
    {
        using var client = Client();
        var result = await Verify(client);
        Assert.Equal(new LocationVerification(VerificationResult.True, null, Now.AddMinutes(-1)), result);

        var sent = Assert.Single(_server.VerifyRequests);
        Assert.Equal(("POST", "/location-verification/v3/verify", "Bearer token-1"), (sent.Method, sent.Path, sent.Authorization));
        Assert.StartsWith("application/json", sent.ContentType);
        Assert.True(Guid.TryParse(sent.Correlator, out _));
        using var json = JsonDocument.Parse(sent.Body);
        var root = json.RootElement;
        Assert.Equal("+34600111222", root.GetProperty("device").GetProperty("phoneNumber").GetString());
        var area = root.GetProperty("area");
        Assert.Equal("CIRCLE", area.GetProperty("areaType").GetString());
        Assert.Equal(MadridLat, area.GetProperty("center").GetProperty("latitude").GetDouble());
        Assert.Equal(MadridLon, area.GetProperty("center").GetProperty("longitude").GetDouble());
        Assert.Equal(2000, area.GetProperty("radius").GetInt32());
        Assert.Equal(120, root.GetProperty("maxAge").GetInt32());
    }

    [Fact]
    public async Task Gets_the_token_with_client_credentials_in_basic_auth_and_the_scope()
    {
        using var client = Client();
        await Verify(client);
        var token = Assert.Single(_server.TokenRequests);
        Assert.Equal("POST", token.Method);
        Assert.StartsWith("application/x-www-form-urlencoded", token.ContentType);
        Assert.Equal("grant_type=client_credentials&scope=location-verification%3Averify", token.Body);
        var basic = Encoding.UTF8.GetString(Convert.FromBase64String(token.Authorization!["Basic ".Length..]));
        // RFC 6749 §2.3.1: form-urlencoded before joining, so a ':' in the secret cannot split it.
        Assert.Equal("geoedge-bridge:s3cret%3Awith%2Fodd%26chars", basic);
    }

    [Fact]
    public async Task Other_device_identifiers_and_no_max_age_are_sent_as_the_schema_says()
    {
        using var client = Client();
        var device = new CamaraDevice(NetworkAccessIdentifier: "host-17@iot.example", Ipv4Address: new CamaraIpv4Address("84.125.93.10", PublicPort: 59765), Ipv6Address: "2001:db8::1");
        await client.VerifyAsync(device, MadridLat, MadridLon, 1500.2, null, CancellationToken.None);
        using var json = JsonDocument.Parse(_server.VerifyRequests[0].Body);
        var sent = json.RootElement.GetProperty("device");
        Assert.Equal("host-17@iot.example", sent.GetProperty("networkAccessIdentifier").GetString());
        Assert.Equal("84.125.93.10", sent.GetProperty("ipv4Address").GetProperty("publicAddress").GetString());
        Assert.Equal(59765, sent.GetProperty("ipv4Address").GetProperty("publicPort").GetInt32());
        Assert.False(sent.GetProperty("ipv4Address").TryGetProperty("privateAddress", out _));
        Assert.Equal("2001:db8::1", sent.GetProperty("ipv6Address").GetString());
        Assert.False(json.RootElement.TryGetProperty("maxAge", out _));
        Assert.Equal(1501, json.RootElement.GetProperty("area").GetProperty("radius").GetInt32());
    }

    [Fact]
    public async Task False_partial_with_and_without_rate_and_unknown_with_and_without_time()
    {
        using var client = Client();
        Answer($$"""{"lastLocationTime":"{{Located(TimeSpan.FromSeconds(30))}}","verificationResult":"FALSE"}""");
        Assert.Equal(new LocationVerification(VerificationResult.False, null, Now.AddSeconds(-30)), await Verify(client));
        Answer($$"""{"verificationResult":"PARTIAL","matchRate":74,"lastLocationTime":"{{Located(TimeSpan.FromSeconds(5))}}"}""");
        Assert.Equal(new LocationVerification(VerificationResult.Partial, 74, Now.AddSeconds(-5)), await Verify(client));
        Answer($$"""{"verificationResult":"PARTIAL","lastLocationTime":"{{Located(TimeSpan.FromSeconds(5))}}"}""");
        Assert.Equal(new LocationVerification(VerificationResult.Partial, null, Now.AddSeconds(-5)), await Verify(client));
        // UNKNOWN with a lastLocationTime older than maxAge is exactly what the spec describes.
        Answer($$"""{"verificationResult":"UNKNOWN","lastLocationTime":"{{Located(TimeSpan.FromHours(3))}}"}""");
        Assert.Equal(new LocationVerification(VerificationResult.Unknown, null, Now.AddHours(-3)), await Verify(client));
        Answer("""{"verificationResult":"UNKNOWN"}""");
        Assert.Equal(new LocationVerification(VerificationResult.Unknown, null, null), await Verify(client));
        // Extra fields (v3 may echo "device") are ignored; an offset time is read as such.
        Answer("""{"verificationResult":"TRUE","lastLocationTime":"2025-06-01T13:59:00+02:00","device":{"phoneNumber":"+34600111222"}}""");
        Assert.Equal(Now.AddMinutes(-1), (await Verify(client)).LastLocationTime);
        Assert.Equal(1, client.TokenFetches);
    }

    [Fact]
    public async Task The_token_is_cached_and_refreshed_shortly_before_it_expires()
    {
        using var client = Client();
        // No maxAge: the fake's lastLocationTime stays put while the clock moves on.
        await Verify(client, maxAge: null);
        _clock.Advance(TimeSpan.FromMinutes(59));
        await Verify(client, maxAge: null);
        Assert.Single(_server.TokenRequests);
        _clock.Advance(TimeSpan.FromSeconds(31)); // 3600 s lifetime minus the 30 s margin has passed
        await Verify(client, maxAge: null);
        Assert.Equal(2, _server.TokenRequests.Count);
        Assert.Equal("Bearer token-2", _server.VerifyRequests[^1].Authorization);
    }

    [Fact]
    public async Task A_401_gets_one_new_token_and_one_retry()
    {
        using var client = Client();
        _server.OnVerify = r => r.Authorization == "Bearer token-1"
            ? FakeReply.Error(401, "UNAUTHENTICATED", "token revoked")
            : FakeReply.Json(200, $$"""{"verificationResult":"TRUE","lastLocationTime":"{{Located(TimeSpan.Zero)}}"}""");
        Assert.Equal(VerificationResult.True, (await Verify(client)).Result);
        Assert.Equal(["Bearer token-1", "Bearer token-2"], _server.VerifyRequests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task A_second_401_is_the_answer()
    {
        using var client = Client();
        _server.OnVerify = _ => FakeReply.Error(401, "UNAUTHENTICATED", "no");
        var e = await Assert.ThrowsAsync<CamaraException>(() => Verify(client));
        Assert.Equal((401, "UNAUTHENTICATED"), (e.Status, e.Code));
        Assert.Equal(2, _server.VerifyRequests.Count);
        Assert.Equal(2, _server.TokenRequests.Count);
    }

    [Theory]
    [InlineData(400, "INVALID_ARGUMENT")]
    [InlineData(400, "OUT_OF_RANGE")]
    [InlineData(403, "PERMISSION_DENIED")]
    [InlineData(403, "INVALID_TOKEN_CONTEXT")]
    [InlineData(404, "IDENTIFIER_NOT_FOUND")]
    [InlineData(422, "SERVICE_NOT_APPLICABLE")]
    [InlineData(422, "MISSING_IDENTIFIER")]
    [InlineData(422, "UNSUPPORTED_IDENTIFIER")]
    [InlineData(422, "UNNECESSARY_IDENTIFIER")]
    [InlineData(422, "LOCATION_VERIFICATION.AREA_NOT_COVERED")]
    [InlineData(422, "LOCATION_VERIFICATION.INVALID_AREA")]
    [InlineData(422, "LOCATION_VERIFICATION.UNABLE_TO_FULFILL_MAX_AGE")]
    [InlineData(429, "QUOTA_EXCEEDED")]
    [InlineData(429, "TOO_MANY_REQUESTS")]
    [InlineData(500, "INTERNAL")]
    [InlineData(503, "UNAVAILABLE")]
    public async Task Every_camara_error_keeps_status_code_and_message(int status, string code)
    {
        using var client = Client();
        _server.OnVerify = _ => FakeReply.Error(status, code, "as the operator put it");
        var e = await Assert.ThrowsAsync<CamaraException>(() => Verify(client));
        Assert.Equal((status, code), (e.Status, e.Code));
        Assert.Contains("as the operator put it", e.Message);
        Assert.Single(_server.VerifyRequests);
    }

    [Fact]
    public async Task V3_unable_to_locate_is_the_answer_unknown_not_a_failure()
    {
        using var client = Client();
        _server.OnVerify = _ => FakeReply.Error(422, CamaraLocationVerificationClient.UnableToLocate, "the network is unable to locate the device");
        var answer = await Verify(client);
        Assert.Equal(new LocationVerification(VerificationResult.Unknown, null, null), answer);
    }

    [Fact]
    public async Task Unable_to_locate_with_another_status_is_still_a_failure()
    {
        using var client = Client();
        _server.OnVerify = _ => FakeReply.Error(400, CamaraLocationVerificationClient.UnableToLocate);
        var e = await Assert.ThrowsAsync<CamaraException>(() => Verify(client));
        Assert.Equal(400, e.Status);
    }

    [Fact]
    public async Task An_error_without_a_camara_body_still_names_the_status()
    {
        using var client = Client();
        _server.OnVerify = _ => new FakeReply(502, "<html>Bad Gateway</html>", "text/html");
        var e = await Assert.ThrowsAsync<CamaraException>(() => Verify(client));
        Assert.Equal((502, (string?)null), (e.Status, e.Code));
    }

    [Theory]
    [InlineData("""{"verificationResult":"TRUE","matchRate":50,"lastLocationTime":"2025-06-01T11:59:00Z"}""", "only with PARTIAL")]
    [InlineData("""{"verificationResult":"PARTIAL","matchRate":0,"lastLocationTime":"2025-06-01T11:59:00Z"}""", "1-99")]
    [InlineData("""{"verificationResult":"PARTIAL","matchRate":100,"lastLocationTime":"2025-06-01T11:59:00Z"}""", "1-99")]
    [InlineData("""{"verificationResult":"PARTIAL","matchRate":50.5,"lastLocationTime":"2025-06-01T11:59:00Z"}""", "1-99")]
    [InlineData("""{"verificationResult":"PARTIAL","matchRate":"50","lastLocationTime":"2025-06-01T11:59:00Z"}""", "1-99")]
    [InlineData("""{"verificationResult":"MAYBE","lastLocationTime":"2025-06-01T11:59:00Z"}""", "MAYBE")]
    [InlineData("""{"verificationResult":"true","lastLocationTime":"2025-06-01T11:59:00Z"}""", "not TRUE")]
    [InlineData("""{"lastLocationTime":"2025-06-01T11:59:00Z"}""", "no verificationResult")]
    [InlineData("""{"verificationResult":true}""", "no verificationResult")]
    [InlineData("""{"verificationResult":"TRUE"}""", "without lastLocationTime")]
    [InlineData("""{"verificationResult":"TRUE","lastLocationTime":"yesterday"}""", "RFC 3339")]
    [InlineData("""{"verificationResult":"TRUE","lastLocationTime":"2025-06-01T11:59:00"}""", "RFC 3339")]
    [InlineData("""{"verificationResult":"TRUE","lastLocationTime":"2025-06-01T12:30:00Z"}""", "future")]
    [InlineData("""{"verificationResult":"TRUE","lastLocationTime":"2025-06-01T11:50:00Z"}""", "older than the maxAge")]
    [InlineData("""{"verificationResult":"FALSE","verificationResult":"TRUE","lastLocationTime":"2025-06-01T11:59:00Z"}""", "twice")]
    [InlineData("""["TRUE"]""", "not a JSON object")]
    [InlineData("""{"verificationResult":"TRUE",""", "not JSON")]
    [InlineData("", "not JSON")]
    public async Task An_answer_that_breaks_the_contract_is_refused(string body, string expected)
    {
        using var client = Client();
        Answer(body);
        var e = await Assert.ThrowsAsync<CamaraException>(() => Verify(client));
        Assert.Equal((200, CamaraException.InvalidResponse), (e.Status, e.Code));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public async Task An_answer_that_is_not_json_by_content_type_is_refused()
    {
        using var client = Client();
        _server.OnVerify = _ => new FakeReply(200, """{"verificationResult":"UNKNOWN"}""", "text/plain");
        var e = await Assert.ThrowsAsync<CamaraException>(() => Verify(client));
        Assert.Contains("text/plain", e.Message);
    }

    [Fact]
    public async Task An_oversized_answer_is_refused()
    {
        using var client = Client(maxBytes: 4096);
        Answer($$"""{"verificationResult":"UNKNOWN","padding":"{{new string('x', 10_000)}}"}""");
        var e = await Assert.ThrowsAsync<CamaraException>(() => Verify(client));
        Assert.Equal(CamaraException.InvalidResponse, e.Code);
        Assert.Contains("4096-byte limit", e.Message);
    }

    [Fact]
    public async Task An_answer_for_another_correlator_is_refused()
    {
        using var client = Client();
        _server.OnVerify = _ => FakeReply.Json(200, """{"verificationResult":"UNKNOWN"}""") with { Correlator = "someone-else" };
        var e = await Assert.ThrowsAsync<CamaraException>(() => Verify(client));
        Assert.Contains("someone-else", e.Message);
    }

    [Fact]
    public async Task A_slow_operator_times_out_within_the_bound()
    {
        using var client = Client(timeout: TimeSpan.FromMilliseconds(300));
        _server.OnVerify = _ => FakeReply.Json(200, """{"verificationResult":"UNKNOWN"}""") with { Delay = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<CamaraException>(() => Verify(client));
        Assert.Equal((null, CamaraException.Timeout), (e.Status, e.Code));
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_dressed_up_as_a_timeout()
    {
        using var client = Client();
        _server.OnVerify = _ => FakeReply.Json(200, """{"verificationResult":"UNKNOWN"}""") with { Delay = TimeSpan.FromSeconds(5) };
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.VerifyAsync(Phone, MadridLat, MadridLon, 2000, null, cts.Token));
    }

    [Fact]
    public async Task An_operator_that_is_down_is_a_network_error()
    {
        _server.Dispose();
        using var client = Client();
        var e = await Assert.ThrowsAsync<CamaraException>(() => Verify(client));
        Assert.Equal((null, CamaraException.NetworkError), (e.Status, e.Code));
        Assert.Contains("token endpoint", e.Message);
    }

    [Theory]
    [InlineData(401, """{"error":"invalid_client","error_description":"unknown client"}""", "invalid_client")]
    [InlineData(400, """{"error":"invalid_scope"}""", "invalid_scope")]
    [InlineData(500, "oops", null)]
    public async Task A_token_refusal_keeps_the_oauth_error(int status, string body, string? code)
    {
        using var client = Client();
        _server.OnToken = _ => FakeReply.Json(status, body);
        var e = await Assert.ThrowsAsync<CamaraException>(() => Verify(client));
        Assert.Equal((status, code), (e.Status, e.Code));
        Assert.Empty(_server.VerifyRequests);
    }

    [Theory]
    [InlineData("""{"access_token":"abc","token_type":"mac","expires_in":3600}""", "Bearer")]
    [InlineData("""{"token_type":"Bearer","expires_in":3600}""", "access_token")]
    [InlineData("""{"access_token":"a b\r\nInjected: 1","token_type":"Bearer"}""", "access_token")]
    [InlineData("""{"access_token":"abc","token_type":"Bearer","expires_in":-5}""", "expires_in")]
    [InlineData("""{"access_token":"abc","token_type":"Bearer","expires_in":"never"}""", "expires_in")]
    public async Task A_malformed_token_answer_is_refused(string body, string expected)
    {
        using var client = Client();
        _server.OnToken = _ => FakeReply.Json(200, body);
        var e = await Assert.ThrowsAsync<CamaraException>(() => Verify(client));
        Assert.Equal(CamaraException.InvalidResponse, e.Code);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public async Task A_token_without_expires_in_is_kept_only_briefly()
    {
        using var client = Client();
        _server.OnToken = _ => FakeReply.Json(200, """{"access_token":"short","token_type":"bearer"}""");
        await Verify(client);
        _clock.Advance(TimeSpan.FromSeconds(31)); // assumed 60 s lifetime, refreshed at half of it
        await Verify(client);
        Assert.Equal(2, _server.TokenRequests.Count);
    }

    [Fact]
    public async Task Invalid_questions_are_refused_before_anything_is_sent()
    {
        using var client = Client();
        Task Ask(CamaraDevice device, double lat = MadridLat, double radius = 2000, int? maxAge = null) =>
            client.VerifyAsync(device, lat, MadridLon, radius, maxAge, CancellationToken.None);
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Ask(new CamaraDevice()));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Ask(new CamaraDevice(PhoneNumber: "34600111222")));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Ask(new CamaraDevice(PhoneNumber: "+3460011122233344")));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Ask(new CamaraDevice(Ipv4Address: new CamaraIpv4Address("84.125.93.10"))));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Ask(new CamaraDevice(Ipv4Address: new CamaraIpv4Address("84.125.93", PublicPort: 1))));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Ask(new CamaraDevice(Ipv6Address: "84.125.93.10")));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Ask(Phone, lat: 91));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Ask(Phone, radius: 0.5));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Ask(Phone, radius: 200_001));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Ask(Phone, maxAge: -1));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void Options_are_checked_when_the_client_is_made()
    {
        Assert.ThrowsAny<ArgumentException>(() => new CamaraLocationVerificationClient(_http, new CamaraOptions
        {
            BaseUrl = new Uri("ftp://operator.example/"), TokenUrl = _server.TokenUrl, ClientId = "a", ClientSecret = "b",
        }, _clock));
        Assert.ThrowsAny<ArgumentException>(() => new CamaraLocationVerificationClient(_http, new CamaraOptions
        {
            BaseUrl = _server.BaseUrl, TokenUrl = _server.TokenUrl, ClientId = "", ClientSecret = "b",
        }, _clock));
    }

    [Fact]
    public async Task The_answer_feeds_fusion_as_a_network_observation()
    {
        using var client = Client();
        var answer = await Verify(client);
        var fused = LocationFusion.Fuse(Input(Fix(), MadridCell(), NetworkObservation.From(answer, MadridLat, MadridLon, 2000)));
        Assert.Equal(LocationGrade.A, fused.Grade);
    }
}
