using System.Text.Json;
using GeoEdge.Agent.Residency;
using GeoEdge.Ear;

namespace GeoEdge.Agent.Tests.Residency;

public class EarEnvelopeTests
{
    private static string Sign(Dictionary<string, JsonElement> extra)
    {
        using var key = EarSigningKey.Generate();
        var ear = new GeoEdge.Ear.Ear(new VerifierId("geoedge", "test"),
            new Dictionary<string, EarSubmodule> { ["platform"] = new(EarStatus.Affirming) }, DateTimeOffset.UtcNow) { ExtraClaims = extra };
        return EarJwt.Sign(ear, key);
    }

    private static JsonElement Number(ulong n) => ClaimValues.Build(w => w.WriteNumberValue(n));

    [Fact]
    public void A_bridge_ear_gives_its_host_and_verified_sequence_number()
    {
        var envelope = EarEnvelope.Read(Sign(new() { ["geoedge.host"] = ClaimValues.FromString("edge-01"), ["geoedge.seq"] = Number(42) }));

        Assert.Equal(new EarEnvelope("edge-01", 42), envelope);
    }

    [Fact]
    public void A_refusals_ear_gives_the_claimed_number()
    {
        var envelope = EarEnvelope.Read(Sign(new() { ["geoedge.host"] = ClaimValues.FromString("edge-01"), ["geoedge.claimed-seq"] = Number(7) }));

        Assert.Equal(7ul, envelope.Seq);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a.b")]
    [InlineData("a.b.c.d")]
    [InlineData("eyJhbGciOiJFUzI1NiJ9.e30=.c2ln")]  // padded base64url
    [InlineData("eyJhbGciOiJFUzI1NiJ9.e30.c2ln")]   // payload {} is no EAR
    [InlineData("eyJhbGciOiJFUzI1NiJ9.bm90IGpzb24.c2ln")] // payload not JSON
    public void Tokens_that_are_not_ears_are_refused_by_name(string token) =>
        Assert.Throws<InvalidDataException>(() => EarEnvelope.Read(token));

    [Fact]
    public void An_ear_without_host_or_sequence_is_refused()
    {
        Assert.Contains("geoedge.host", Assert.Throws<InvalidDataException>(() => EarEnvelope.Read(Sign(new() { ["geoedge.seq"] = Number(1) }))).Message, StringComparison.Ordinal);
        Assert.Contains("sequence", Assert.Throws<InvalidDataException>(() => EarEnvelope.Read(Sign(new() { ["geoedge.host"] = ClaimValues.FromString("h") }))).Message, StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => EarEnvelope.Read(Sign(new() { ["geoedge.host"] = ClaimValues.FromString("h"), ["geoedge.seq"] = ClaimValues.FromString("1") })));
    }
}
