using System.Text.Json;
using Xunit.Abstractions;

namespace GeoEdge.Hil.Tests;

/// <summary>A new version of a host's policy decides the very next readings; an invalid one is refused and changes nothing.</summary>
public class PolicyChangeTests(ITestOutputHelper output)
{
    private const string LyonPolicy = """{"type":"circle","center":{"lat":45.764043,"lon":4.835659},"radiusMeters":5000}""";

    [Fact]
    public async Task A_new_policy_version_turns_the_next_verdicts_outside()
    {
        await using var rig = await RigFixture.StartAsync(output);
        rig.StartAgent();
        Verdicts.AssertGenuineInside(await rig.AuthenticatedResultAsync(output), rig.Options);

        var put = await rig.Bridge.PutPolicyAsync(rig.Options.HostId, rig.Options.PolicyId, LyonPolicy);
        Assert.Equal(201, (int)put.StatusCode);
        var stored = JsonDocument.Parse(await put.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(2, stored.GetProperty("version").GetInt32());

        // One reading may already be in flight under the old version; the one after must be outside.
        var outside = await rig.ResultWhereAsync(r => r.Geofence == "outside", output, maxResults: 3);
        AssertOutside(outside, rig.Options.PolicyId);
        foreach (var result in await rig.ResultsAsync(2, output, timeoutSeconds: 15)) AssertOutside(result, rig.Options.PolicyId);
    }

    /// <summary>Each invalid body, and the part of it the refusal must name.</summary>
    private static readonly (string Body, string Named)[] InvalidPolicies =
    [
        ("""{"type":"circle","center":{"lat":45.7,"lon":4.8},"radiusMeters":-5}""", "radiusMeters"),
        ("""{"type":"circle","center":{"lat":"north","lon":4.8},"radiusMeters":5000}""", "center.lat"),
        ("""{"type":"circle","center":{"lat":95,"lon":4.8},"radiusMeters":5000}""", "center"),
        ("""{"type":"circle","radiusMeters":5000}""", "center"),
        ("""{"type":"square","side":5000}""", "type"),
        ("""{"type":"geojson"}""", "geometry"),
        ("""{"type":"geojson","geometry":5}""", "geometry"),
        ("""{"type":"geojson","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,1]]]}}""", "geometry.coordinates[0]"),
        ("""{"type":"geojson","geometry":{"type":"Point","coordinates":[4.8,45.7]}}""", "geometry.type"),
        ("""{"type":"circle","center":{"lat":45.7,"lon":4.8},"radiusMeters":1e400}""", "radiusMeters"),
        ("""[1,2,3]""", "JSON object"),
        ("""not json""", "not JSON"),
    ];

    [Fact]
    public async Task An_invalid_policy_is_refused_naming_the_field_and_the_old_one_keeps_deciding()
    {
        await using var rig = await RigFixture.StartAsync(output);
        rig.StartAgent();
        Verdicts.AssertGenuineInside(await rig.AuthenticatedResultAsync(output), rig.Options);

        // Every body is tried before failing, so one run lists every refusal that names nothing useful.
        var wrong = new List<string>();
        foreach (var (body, named) in InvalidPolicies)
        {
            var put = await rig.Bridge.PutPolicyAsync(rig.Options.HostId, rig.Options.PolicyId, body);
            var text = await put.Content.ReadAsStringAsync();
            output.WriteLine($"{body} -> {(int)put.StatusCode} {text}");
            var error = (int)put.StatusCode == 400 ? JsonDocument.Parse(text).RootElement.GetProperty("error").GetString() : null;
            if (error is null || !error.Contains(named, StringComparison.Ordinal))
                wrong.Add($"{body}: expected 400 naming '{named}', got {(int)put.StatusCode} {text}");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));

        var policies = await rig.Bridge.GetJsonAsync($"/v1/hosts/{rig.Options.HostId}/policies");
        Assert.Equal(1, Assert.Single(policies.EnumerateArray()).GetProperty("version").GetInt32());
        foreach (var result in await rig.ResultsAsync(2, output, timeoutSeconds: 15)) Verdicts.AssertGenuineInside(result, rig.Options);
    }

    private static void AssertOutside(Wire.Messages.ResultMessage result, string policyId)
    {
        Assert.Equal("outside", result.Geofence);
        Assert.Equal("contraindicated", result.EarStatus);
        Assert.Equal(policyId, result.PolicyId);
        Assert.Contains(result.Reasons, r => r.StartsWith("outside-fence:", StringComparison.Ordinal));
    }

    /// <summary>A chunked body has no Content-Length: the bridge must stop reading at the policy limit.</summary>
    [Fact]
    public async Task An_oversized_chunked_policy_is_refused_without_a_content_length()
    {
        await using var rig = await RigFixture.StartAsync(output, new Rig.Composition.RigOptions { PolicyJson = null, JurisdictionPolicyJson = null });
        var huge = new string(' ', 2 * 1024 * 1024) + Rig.Composition.RigOptions.DefaultPolicy;
        using var content = new StreamContent(new NonSeekableStream(System.Text.Encoding.UTF8.GetBytes(huge)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await rig.Bridge.Http.PutAsync("/v1/hosts/edge-01/policies/big", content);

        Assert.Null(response.RequestMessage!.Content!.Headers.ContentLength);
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("larger than", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, (await rig.Bridge.GetJsonAsync("/v1/hosts/edge-01/policies")).GetArrayLength());
    }

    /// <summary>A stream whose length is unknown, so HttpClient sends it chunked.</summary>
    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
