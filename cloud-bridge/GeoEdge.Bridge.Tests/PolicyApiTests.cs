using System.Net;
using System.Text;
using System.Text.Json;
using GeoEdge.Bridge.Api;
using GeoEdge.Bridge.Geofencing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace GeoEdge.Bridge.Tests;

/// <summary>The policy and group endpoints, served by Kestrel on loopback over a real store and the real atlas.</summary>
[Collection(AtlasCollection.Name)]
public sealed class PolicyApiTests : IAsyncLifetime
{
    private readonly AtlasFixture _fixture;
    private readonly TempStore _temp = new();
    private WebApplication? _app;
    private HttpClient _http = null!;

    public PolicyApiTests(AtlasFixture fixture) => _fixture = fixture;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(_temp.Store);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(_fixture.Jurisdictions);
        _app = builder.Build();
        PolicyApi.Map(_app.MapGroup("/v1"));
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        _temp.Dispose();
    }

    private async Task<(HttpStatusCode Status, JsonElement Json)> SendAsync(HttpMethod method, string path, string? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json") };
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task A_host_policy_is_versioned_and_deleting_it_stores_a_retired_version()
    {
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(HttpMethod.Put, "/v1/hosts/edge-01/policies/spain", """{"type":"jurisdiction","country":"ES"}""")).Status);
        var second = await SendAsync(HttpMethod.Put, "/v1/hosts/edge-01/policies/spain", """{"type":"jurisdiction","subdivision":"ES-MD","disclosure":"approximate"}""");
        Assert.Equal(2, second.Json.GetProperty("version").GetInt32());

        var deleted = await SendAsync(HttpMethod.Delete, "/v1/hosts/edge-01/policies/spain");
        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.True(deleted.Json.GetProperty("retired").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Delete, "/v1/hosts/edge-01/policies/spain")).Status);
        Assert.Equal(0, (await SendAsync(HttpMethod.Get, "/v1/hosts/edge-01/policies")).Json.GetArrayLength());
        var versions = (await SendAsync(HttpMethod.Get, "/v1/hosts/edge-01/policies/spain/versions")).Json;
        Assert.Equal([1, 2, 3], versions.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.Contains("ES-MD", versions[1].GetProperty("body").GetString());
    }

    [Theory]
    [InlineData("""{"type":"jurisdiction","country":"QQ"}""", "country: ")]
    [InlineData("""{"type":"jurisdiction","subdivision":"ES-ZZ"}""", "subdivision: ")]
    [InlineData("""{"type":"rectangle","south":41,"west":-4,"north":40,"east":-3}""", "south: ")]
    [InlineData("""{"type":"circle","center":{"lat":40,"lon":-3},"radiusMeters":100,"disclosure":"exact"}""", "disclosure: ")]
    public async Task An_invalid_policy_is_refused_naming_the_member_and_nothing_is_stored(string body, string member)
    {
        var (status, json) = await SendAsync(HttpMethod.Put, "/v1/hosts/edge-01/policies/p", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith(member, json.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Get, "/v1/hosts/edge-01/policies/p/versions")).Status);
    }

    [Fact]
    public async Task A_group_policy_applies_to_the_groups_hosts()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Put, "/v1/groups/eu/policies/spain", """{"type":"jurisdiction","country":"ES"}""")).Status);
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(HttpMethod.Put, "/v1/groups/eu")).Status);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Put, "/v1/groups/eu")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Put, "/v1/groups/bad%20id")).Status);
        var joined = await SendAsync(HttpMethod.Put, "/v1/groups/eu/hosts/edge-01");
        Assert.Equal(["edge-01"], joined.Json.GetProperty("hosts").EnumerateArray().Select(h => h.GetString()));
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(HttpMethod.Put, "/v1/groups/eu/policies/spain", """{"type":"jurisdiction","country":"ES"}""")).Status);

        var effective = (await SendAsync(HttpMethod.Get, "/v1/hosts/edge-01/effective-policies")).Json;
        var policy = Assert.Single(effective.EnumerateArray());
        Assert.Equal(("spain", "eu"), (policy.GetProperty("policyId").GetString(), policy.GetProperty("group").GetString()));
        Assert.Equal("eu", Assert.Single((await SendAsync(HttpMethod.Get, "/v1/groups")).Json.EnumerateArray()).GetProperty("groupId").GetString());

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Delete, "/v1/groups/eu/policies/spain")).Status);
        Assert.Equal(2, (await SendAsync(HttpMethod.Get, "/v1/groups/eu/policies/spain/versions")).Json.GetArrayLength());
        Assert.Equal(0, (await SendAsync(HttpMethod.Get, "/v1/hosts/edge-01/effective-policies")).Json.GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Delete, "/v1/groups/eu/hosts/edge-01")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Delete, "/v1/groups/eu/hosts/edge-01")).Status);
    }
}
