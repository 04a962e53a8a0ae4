using System.Text.Json;
using GeoEdge.Ear;
using GeoEdge.Hil.Rig.Composition;
using Xunit.Abstractions;

namespace GeoEdge.Hil.Tests;

/// <summary>
/// The rig's host is in a group whose policy is the jurisdiction ES: its signed results carry the geographic
/// result claims of draft-richardson (country ES, state ES-MD for central Madrid), and a new version of the
/// group's policy (country FR) decides the next readings.
/// </summary>
public class JurisdictionClaimsTests(ITestOutputHelper output)
{
    private static async Task<EarSubmodule> VerifiedLocationAsync(GeoEdgeRig rig, Wire.Messages.ResultMessage result)
    {
        var jwks = Jwks.Parse((await rig.Bridge.GetJsonAsync("/v1/keys")).GetRawText());
        var verification = EarJwt.Verify(result.Ear, jwks, DateTimeOffset.UtcNow, TimeSpan.FromSeconds(30));
        Assert.True(verification.IsValid, verification.ToString());
        return verification.Ear!.Submodules["location"];
    }

    private static JsonElement Policy(EarSubmodule location, string id) =>
        location.Extensions["geoedge.geofence"].GetProperty("policies").EnumerateArray().Single(p => p.GetProperty("id").GetString() == id);

    [Fact]
    public async Task The_signed_result_claims_Spain_and_Madrid_and_a_change_to_France_decides_the_next_reading()
    {
        await using var rig = await RigFixture.StartAsync(output);
        rig.StartAgent();
        var inside = await rig.AuthenticatedResultAsync(output);
        Verdicts.AssertGenuineInside(inside, rig.Options);

        var location = await VerifiedLocationAsync(rig, inside);
        var grc = location.Extensions["ear.geographic-result-claims"];
        output.WriteLine(grc.GetRawText());
        Assert.Equal("ES", grc.GetProperty("grc.jurisdiction-country").GetString());
        Assert.Equal("ES-MD", grc.GetProperty("grc.jurisdiction-state").GetString());
        var spain = Policy(location, RigOptions.JurisdictionPolicyId);
        Assert.Equal((1, "inside", RigOptions.JurisdictionGroup),
            (spain.GetProperty("version").GetInt32(), spain.GetProperty("result").GetString(), spain.GetProperty("group").GetString()));

        using var put = await rig.Bridge.Http.PutAsync($"/v1/groups/{RigOptions.JurisdictionGroup}/policies/{RigOptions.JurisdictionPolicyId}",
            new StringContent("""{"type":"jurisdiction","country":"FR","disclosure":"precise"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(201, (int)put.StatusCode);

        // One reading may already be in flight under version 1; the next one is judged by version 2.
        var outside = await rig.ResultWhereAsync(r => r.Geofence == "outside", output, maxResults: 3);
        Assert.Equal("contraindicated", outside.EarStatus);
        Assert.Equal(RigOptions.JurisdictionPolicyId, outside.PolicyId);
        var after = await VerifiedLocationAsync(rig, outside);
        var france = Policy(after, RigOptions.JurisdictionPolicyId);
        Assert.Equal((2, "outside"), (france.GetProperty("version").GetInt32(), france.GetProperty("result").GetString()));
        // Where the host is has not changed: still claimed to be in Spain.
        Assert.Equal("ES", after.Extensions["ear.geographic-result-claims"].GetProperty("grc.jurisdiction-country").GetString());
    }
}
