using GeoEdge.Ear;
using GeoEdge.Hil.Rig.Composition;
using Xunit.Abstractions;

namespace GeoEdge.Hil.Tests;

/// <summary>The whole path with real parts: swtpm, a pty with the GNSS simulator, mosquitto, bridge and agent.</summary>
public class EndToEndTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Enrollment_then_three_readings_give_three_signed_inside_verdicts()
    {
        await using var rig = await RigFixture.StartAsync(output);
        rig.StartAgent();

        var first = await rig.AuthenticatedResultAsync(output);
        var results = new List<Wire.Messages.ResultMessage> { first };
        results.AddRange(await rig.ResultsAsync(2, output));

        var jwks = Jwks.Parse((await rig.Bridge.GetJsonAsync("/v1/keys")).GetRawText());
        Assert.Equal(3, results.Select(r => r.Seq).Distinct().Count());
        Assert.True(results.Zip(results.Skip(1)).All(p => p.Second.Seq == p.First.Seq + 1), "sequence numbers follow each other");
        foreach (var result in results)
        {
            Assert.Equal("edge-01", result.HostId);
            Assert.Equal("inside", result.Geofence);
            Assert.True(Verdicts.IsGenuine(result), $"seq {result.Seq}: {result.EarStatus} {string.Join("; ", result.Reasons)}");
            Assert.Equal("madrid-5km", result.PolicyId);
            Assert.Equal(rig.Options.Latitude, result.Latitude!.Value, 6);
            Assert.Equal(rig.Options.Longitude, result.Longitude!.Value, 6);

            var verification = EarJwt.Verify(result.Ear, jwks, DateTimeOffset.UtcNow, TimeSpan.FromSeconds(30));
            Assert.True(verification.IsValid, verification.ToString());
            // The platform is always affirmed; the location is, except while OSNMA re-authenticates new ephemeris.
            var affirmed = result.EarStatus == "affirming";
            Assert.Equal(affirmed ? EarStatus.Affirming : EarStatus.Warning, verification.Ear!.OverallStatus);
            Assert.Equal(EarStatus.Affirming, verification.Ear.Submodules["platform"].Status);
            Assert.Equal(affirmed ? EarStatus.Affirming : EarStatus.Warning, verification.Ear.Submodules["location"].Status);
        }

        var host = await rig.Bridge.GetJsonAsync("/v1/hosts/edge-01");
        Assert.StartsWith("000b", host.GetProperty("akName").GetString());
        var verdicts = await rig.Bridge.GetJsonAsync("/v1/hosts/edge-01/verdicts");
        Assert.True(verdicts.GetArrayLength() >= 3);
    }

    [Fact]
    public async Task A_host_reporting_a_position_far_from_its_fence_is_outside()
    {
        await using var rig = await RigFixture.StartAsync(output, new RigOptions { Latitude = 45.764043, Longitude = 4.835659 });
        rig.StartAgent();

        var result = await rig.ResultWhereAsync(r => r.Latitude is not null, output);

        Assert.Equal("outside", result.Geofence);
        Assert.Equal("contraindicated", result.EarStatus);
        Assert.Contains(result.Reasons, r => r.StartsWith("outside-fence:", StringComparison.Ordinal));
    }
}
