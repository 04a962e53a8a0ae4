using GeoEdge.Drivers.Mqtt;
using GeoEdge.Ear;
using GeoEdge.Hil.Rig.Composition;
using GeoEdge.Wire;
using GeoEdge.Wire.Messages;
using GeoEdge.Wire.Readings;
using GeoEdge.Wire.Tpm2;
using Xunit.Abstractions;

namespace GeoEdge.Hil.Tests;

/// <summary>
/// A quote is only as good as the key that signed it: a flawless quote over a well-formed, fresh
/// reading, made by a real TPM, is refused when its AK is not the one enrolled for the host.
/// </summary>
public class ForeignAkTests(ITestOutputHelper output)
{
    private static readonly int[] QuotedPcrs = [0, 1, 2, 3, 4, 5, 6, 7, 10];

    [Fact]
    public async Task A_quote_by_an_AK_that_never_enrolled_is_refused_as_bad_signature_or_unknown_host()
    {
        await using var rig = await RigFixture.StartAsync(output);
        rig.StartAgent();
        await rig.ResultWhereAsync(r => r.HostId == "edge-01" && r.EarStatus == "affirming", output);

        var epoch = WireJson.Decode<NonceEpoch>(System.Text.Encoding.UTF8.GetBytes((await rig.Bridge.GetJsonAsync("/v1/epoch")).GetRawText()));
        AttestedReading forEnrolledHost, forGhost;
        using (var rogue = UnenrolledAk.Create(rig.Tpm.Tcti))
        {
            forEnrolledHost = rogue.Attest(MadridReading("edge-01", epoch.Epoch), QuotedPcrs);
            forGhost = rogue.Attest(MadridReading("ghost-01", epoch.Epoch), QuotedPcrs);
            // The forgery is a real quote: its own key verifies it, so only the signer's identity is wrong.
            Assert.True(TpmSignature.Parse(forEnrolledHost.QuoteSignature).Verify(TpmPublic.Parse(rogue.Public), forEnrolledHost.QuoteAttest));
        }

        await using (var attacker = MqttClient.Create(new MqttClientOptions("127.0.0.1", rig.Broker.PlainPort, $"geoedge-rogue-{Guid.NewGuid():N}"[..30])))
        {
            await attacker.ConnectAsync(CancellationToken.None);
            await attacker.PublishAsync(Topics.Readings("edge-01"), WireJson.Encode(forEnrolledHost), MqttQos.AtLeastOnce);
            await attacker.PublishAsync(Topics.Readings("ghost-01"), WireJson.Encode(forGhost), MqttQos.AtLeastOnce);
        }

        var jwks = Jwks.Parse((await rig.Bridge.GetJsonAsync("/v1/keys")).GetRawText());
        var refused = await rig.ResultWhereAsync(r => r.HostId == "edge-01" && r.EarStatus == "contraindicated", output);
        AssertRefused(refused, FindingCodes.BadSignature, jwks);
        var ghost = await rig.ResultWhereAsync(r => r.HostId == "ghost-01", output);
        AssertRefused(ghost, FindingCodes.HostNotEnrolled, jwks);

        // The forgery left the enrolled host's state alone: its own readings are still affirmed.
        var after = await rig.ResultWhereAsync(r => r.HostId == "edge-01", output);
        Assert.True(Verdicts.IsGenuine(after), $"seq {after.Seq}: {after.EarStatus} {string.Join("; ", after.Reasons)}");
        Assert.True(after.Seq < ForgedSeq, $"the bridge took the forged sequence number: next agent result has seq {after.Seq}");
    }

    /// <summary>Far above anything the agent reaches in a test, so a replay check could never be what refuses it.</summary>
    private const ulong ForgedSeq = 1_000_000;

    private static Reading MadridReading(string hostId, string epoch)
    {
        var now = DateTimeOffset.UtcNow;
        return new Reading
        {
            V = Reading.CurrentVersion,
            HostId = hostId,
            Seq = ForgedSeq,
            Time = now,
            NonceEpoch = epoch,
            Fix = new GnssFixReport
            {
                Time = now,
                Latitude = 40.416775,
                Longitude = -3.703790,
                AltitudeMeters = 657,
                Quality = "Gps",
                SatellitesUsed = 9,
                Hdop = 0.8,
            },
        };
    }

    private static void AssertRefused(ResultMessage result, string code, Jwks jwks)
    {
        Assert.Equal("contraindicated", result.EarStatus);
        Assert.Null(result.Geofence);
        Assert.Contains(result.Reasons, r => r.StartsWith(code + ":", StringComparison.Ordinal));
        var verification = EarJwt.Verify(result.Ear, jwks, DateTimeOffset.UtcNow, TimeSpan.FromSeconds(30));
        Assert.True(verification.IsValid, verification.ToString());
        Assert.Equal(EarStatus.Contraindicated, verification.Ear!.Submodules["platform"].Status);
    }
}
