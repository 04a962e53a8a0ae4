using GeoEdge.Hil.Rig.Timestamping;

namespace GeoEdge.Timestamping.Tests;

/// <summary>The TSA certificate must be a timestamping certificate of a configured CA, valid at genTime.</summary>
public sealed class TsaCertificateTests(TsaFixture fixture) : IClassFixture<TsaFixture>
{
    private static readonly byte[] Data = "a result to timestamp"u8.ToArray();

    [Fact]
    public async Task A_token_from_another_TSA_under_another_CA_is_untrusted_online_and_offline()
    {
        var other = await fixture.StartAsync("other");
        using var client = TsaFixture.ClientFor(other, trusted: TsaFixture.Trust(fixture.Tsa));
        var online = await Assert.ThrowsAsync<TimestampException>(() => client.TimestampAsync(Data));
        Assert.Equal(TimestampFailure.UntrustedCertificate, online.Reason);

        using var trusting = TsaFixture.ClientFor(other);
        var token = (await trusting.TimestampAsync(Data)).Token;
        var offline = Assert.Throws<TimestampException>(() => TimestampVerifier.Verify(token, Data, TsaFixture.Trust(fixture.Tsa)));
        Assert.Equal(TimestampFailure.UntrustedCertificate, offline.Reason);
    }

    [Fact]
    public async Task An_expired_TSA_certificate_is_refused()
    {
        var expired = await fixture.StartAsync("expired", new TsaCertificateProfile { NotBefore = TimeSpan.FromDays(-3), NotAfter = TimeSpan.FromDays(-1) });
        using var client = TsaFixture.ClientFor(expired);
        var refused = await Assert.ThrowsAsync<TimestampException>(() => client.TimestampAsync(Data));
        Assert.Equal(TimestampFailure.CertificateNotValidAtGenTime, refused.Reason);
    }

    [Fact]
    public async Task A_not_yet_valid_TSA_certificate_is_refused()
    {
        var early = await fixture.StartAsync("early", new TsaCertificateProfile { NotBefore = TimeSpan.FromDays(1), NotAfter = TimeSpan.FromDays(3) });
        using var client = TsaFixture.ClientFor(early);
        var refused = await Assert.ThrowsAsync<TimestampException>(() => client.TimestampAsync(Data));
        Assert.Equal(TimestampFailure.CertificateNotValidAtGenTime, refused.Reason);
    }

    [Fact]
    public void A_TSA_certificate_whose_timeStamping_usage_is_not_critical_is_refused()
    {
        using var tsa = new HandMadeTsa(criticalEku: false);
        var refused = Assert.Throws<TimestampException>(() => TimestampVerifier.Verify(tsa.Timestamp(Data), Data, [tsa.Ca]));
        Assert.Equal(TimestampFailure.NotTimestampingCertificate, refused.Reason);
        Assert.Contains("not critical", refused.Message);
    }

    [Fact]
    public void The_hand_made_TSA_with_a_critical_usage_verifies_so_only_criticality_was_refused()
    {
        using var tsa = new HandMadeTsa(criticalEku: true);
        var verified = TimestampVerifier.Verify(tsa.Timestamp(Data), Data, [tsa.Ca]);
        Assert.Equal("CN=Hand-made TSA", verified.TsaSubject);
    }
}
