using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Text;

namespace GeoEdge.Timestamping.Tests;

/// <summary>A good exchange with the real openssl TSA, and the token checked again offline.</summary>
public sealed class ClientRoundTripTests(TsaFixture fixture) : IClassFixture<TsaFixture>
{
    private static readonly byte[] Result = Encoding.UTF8.GetBytes("eyJhbGciOiJFUzI1NiJ9.an-attestation-result.signature");

    [Fact]
    public async Task A_token_from_the_rig_TSA_verifies_online_and_offline()
    {
        using var client = TsaFixture.ClientFor(fixture.Tsa);
        var before = DateTimeOffset.UtcNow;
        var online = await client.TimestampAsync(Result);

        Assert.InRange(online.GenTime, before.AddSeconds(-2), DateTimeOffset.UtcNow.AddSeconds(2));
        Assert.Contains("CN=GeoEdge rig TSA main", online.TsaSubject);
        Assert.Equal("1.3.6.1.4.1.99999.3161.1", online.PolicyId);
        Assert.Equal(TimeSpan.FromSeconds(1), online.Accuracy);
        Assert.NotEmpty(online.SerialNumber);

        var offline = TimestampVerifier.Verify(online.Token, Result, TsaFixture.Trust(fixture.Tsa));
        Assert.Equal(online.GenTime, offline.GenTime);
        Assert.Equal(online.SerialNumber, offline.SerialNumber);
        Assert.Equal(online.TsaSubject, offline.TsaSubject);
    }

    [Fact]
    public async Task The_imprint_is_exactly_SHA256_of_the_data()
    {
        using var client = TsaFixture.ClientFor(fixture.Tsa);
        var token = (await client.TimestampAsync(Result)).Token;

        Assert.True(Rfc3161TimestampToken.TryDecode(token, out var decoded, out _));
        Assert.Equal("2.16.840.1.101.3.4.2.1", decoded!.TokenInfo.HashAlgorithmId.Value);
        Assert.Equal(SHA256.HashData(Result), decoded.TokenInfo.GetMessageHash().ToArray());
    }

    [Fact]
    public async Task Each_token_has_its_own_serial_number()
    {
        using var client = TsaFixture.ClientFor(fixture.Tsa);
        var first = await client.TimestampAsync(Result);
        var second = await client.TimestampAsync(Result);
        Assert.NotEqual(first.SerialNumber, second.SerialNumber);
    }

    [Fact]
    public async Task A_token_does_not_verify_for_other_data()
    {
        using var client = TsaFixture.ClientFor(fixture.Tsa);
        var token = (await client.TimestampAsync(Result)).Token;
        var other = (byte[])Result.Clone();
        other[^1] ^= 1;

        var refused = Assert.Throws<TimestampException>(() => TimestampVerifier.Verify(token, other, TsaFixture.Trust(fixture.Tsa)));
        Assert.Equal(TimestampFailure.ImprintMismatch, refused.Reason);
    }

    [Fact]
    public async Task A_token_whose_signature_was_altered_is_refused()
    {
        using var client = TsaFixture.ClientFor(fixture.Tsa);
        var token = (await client.TimestampAsync(Result)).Token;
        // The ECDSA signature is the last element of the SignerInfo, at the very end of the DER.
        token[^3] ^= 0x55;

        var refused = Assert.Throws<TimestampException>(() => TimestampVerifier.Verify(token, Result, TsaFixture.Trust(fixture.Tsa)));
        Assert.Contains(refused.Reason, new[] { TimestampFailure.SignatureInvalid, TimestampFailure.MalformedToken });
    }

    [Fact]
    public void Bytes_that_are_no_token_are_refused_as_malformed()
    {
        var refused = Assert.Throws<TimestampException>(() => TimestampVerifier.Verify([0x30, 0x03, 0x02, 0x01, 0x00], Result, TsaFixture.Trust(fixture.Tsa)));
        Assert.Equal(TimestampFailure.MalformedToken, refused.Reason);
    }

    [Fact]
    public async Task A_genTime_far_from_the_local_clock_is_refused()
    {
        using var client = TsaFixture.ClientFor(fixture.Tsa, clock: new ShiftedClock(TimeSpan.FromHours(1)));
        var refused = await Assert.ThrowsAsync<TimestampException>(() => client.TimestampAsync(Result));
        Assert.Equal(TimestampFailure.GenTimeOutOfRange, refused.Reason);
    }
}
