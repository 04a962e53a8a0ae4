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
        Verdicts.AssertGenuineInside(await rig.ResultWhereAsync(r => r.Latitude is not null, output), rig.Options);

        var put = await rig.Bridge.PutPolicyAsync(rig.Options.HostId, rig.Options.PolicyId, LyonPolicy);
        Assert.Equal(201, (int)put.StatusCode);
        var stored = JsonDocument.Parse(await put.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(2, stored.GetProperty("version").GetInt32());

        // One reading may already be in flight under the old version; the one after must be outside.
        var outside = await rig.ResultWhereAsync(r => r.Geofence == "outside", output, maxResults: 3);
        AssertOutside(outside, rig.Options.PolicyId);
        foreach (var result in await rig.ResultsAsync(2, output, timeoutSeconds: 15)) AssertOutside(result, rig.Options.PolicyId);
    }

    [Theory]
    [InlineData("""{"type":"circle","center":{"lat":45.7,"lon":4.8},"radiusMeters":-5}""", "radiusMeters")]
    [InlineData("""{"type":"circle","center":{"lat":"north","lon":4.8},"radiusMeters":5000}""", "center.lat")]
    [InlineData("""{"type":"circle","radiusMeters":5000}""", "center")]
    [InlineData("""{"type":"square","side":5000}""", "type")]
    [InlineData("""not json""", "not JSON")]
    public async Task An_invalid_policy_is_refused_naming_the_field_and_the_old_one_keeps_deciding(string body, string named)
    {
        await using var rig = await RigFixture.StartAsync(output);
        rig.StartAgent();
        Verdicts.AssertGenuineInside(await rig.ResultWhereAsync(r => r.Latitude is not null, output), rig.Options);

        var put = await rig.Bridge.PutPolicyAsync(rig.Options.HostId, rig.Options.PolicyId, body);
        var text = await put.Content.ReadAsStringAsync();
        output.WriteLine($"{(int)put.StatusCode} {text}");
        Assert.Equal(400, (int)put.StatusCode);
        Assert.Contains(named, JsonDocument.Parse(text).RootElement.GetProperty("error").GetString());

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
}
