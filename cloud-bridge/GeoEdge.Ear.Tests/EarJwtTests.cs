using System.Text;

namespace GeoEdge.Ear.Tests;

public sealed class EarJwtTests : IDisposable
{
    private static readonly TimeSpan Skew = TimeSpan.FromSeconds(30);
    private readonly EarSigningKey _key = EarSigningKey.Generate();
    private readonly EarSigningKey _otherKey = EarSigningKey.Generate();
    private Jwks Trusted => new([_key.PublicKey]);
    private static DateTimeOffset Now => Samples.IssuedAt.AddMinutes(1);

    public void Dispose()
    {
        _key.Dispose();
        _otherKey.Dispose();
    }

    private EarVerification Verify(string jwt) => EarJwt.Verify(jwt, Trusted, Now, Skew);

    private void AssertFails(string jwt, EarFailureKind kind, string reasonFragment)
    {
        var result = Verify(jwt);
        Assert.False(result.IsValid, "token should have been refused");
        Assert.Null(result.Ear);
        Assert.Equal(kind, result.Failure!.Kind);
        Assert.Contains(reasonFragment, result.Failure.Reason);
    }

    [Fact]
    public void Signed_EAR_verifies_and_reads_back_the_same_claims()
    {
        var ear = Samples.PlatformAndLocation();
        var jwt = EarJwt.Sign(ear, _key);

        var result = Verify(jwt);

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(_key.Kid, result.VerifiedWithKid);
        Assert.Equal(EarClaimsWriter.Write(ear), EarClaimsWriter.Write(result.Ear!));
        Assert.Equal(EarStatus.Warning, result.Ear!.OverallStatus);
    }

    [Fact]
    public void Header_is_ES256_JWT_with_the_thumbprint_kid()
    {
        var header = JwtTestKit.Json(JwtTestKit.Parts(EarJwt.Sign(Samples.PlatformAndLocation(), _key))[0]);
        Assert.Equal($$"""{"alg":"ES256","typ":"JWT","kid":"{{_key.Kid}}"}""", header);
        Assert.Equal(64, JwtTestKit.Decode(JwtTestKit.Parts(EarJwt.Sign(Samples.PlatformAndLocation(), _key))[2]).Length);
    }

    [Fact]
    public void Changing_one_payload_byte_breaks_the_signature()
    {
        var parts = JwtTestKit.Parts(EarJwt.Sign(Samples.PlatformAndLocation(), _key));
        var payload = JwtTestKit.Json(parts[1]).Replace("bridge 0.1", "bridge 0.2");
        AssertFails($"{parts[0]}.{JwtTestKit.Encode(payload)}.{parts[2]}", EarFailureKind.BadSignature, "does not verify");
    }

    [Fact]
    public void Flipping_a_signature_bit_breaks_the_signature()
    {
        var parts = JwtTestKit.Parts(EarJwt.Sign(Samples.PlatformAndLocation(), _key));
        var signature = JwtTestKit.Decode(parts[2]);
        signature[40] ^= 0x01;
        AssertFails($"{parts[0]}.{parts[1]}.{Base64UrlStrict.Encode(signature)}", EarFailureKind.BadSignature, "does not verify");
    }

    [Theory]
    [InlineData("""{"alg":"none","typ":"JWT"}""", "'none'")]
    [InlineData("""{"alg":"None"}""", "'none'")]
    [InlineData("""{"alg":"HS256","typ":"JWT"}""", "'HS256'")]
    [InlineData("""{"alg":"ES384","typ":"JWT"}""", "'ES384'")]
    public void Any_algorithm_but_ES256_is_refused(string header, string reason)
    {
        AssertFails(JwtTestKit.WithHeader(EarJwt.Sign(Samples.PlatformAndLocation(), _key), header), EarFailureKind.UnsupportedAlgorithm, reason);
    }

    [Fact]
    public void Alg_none_with_an_empty_signature_is_refused()
    {
        var parts = JwtTestKit.Parts(EarJwt.Sign(Samples.PlatformAndLocation(), _key));
        AssertFails($"{JwtTestKit.Encode("""{"alg":"none"}""")}.{parts[1]}.", EarFailureKind.UnsupportedAlgorithm, "always refused");
    }

    [Fact]
    public void Token_signed_by_an_untrusted_key_names_the_unknown_kid()
    {
        AssertFails(EarJwt.Sign(Samples.PlatformAndLocation(), _otherKey), EarFailureKind.UnknownKey, _otherKey.Kid);
    }

    [Fact]
    public void Token_claiming_a_trusted_kid_but_signed_by_another_key_is_a_bad_signature()
    {
        var forged = JwtTestKit.SignRaw($$"""{"alg":"ES256","kid":"{{_key.Kid}}"}""", Encoding.UTF8.GetString(EarClaimsWriter.Write(Samples.PlatformAndLocation())), _otherKey);
        AssertFails(forged, EarFailureKind.BadSignature, "does not verify");
    }

    [Fact]
    public void Without_a_kid_every_trusted_key_is_tried()
    {
        var payload = Encoding.UTF8.GetString(EarClaimsWriter.Write(Samples.PlatformAndLocation()));
        var result = EarJwt.Verify(JwtTestKit.SignRaw("""{"alg":"ES256"}""", payload, _key), new Jwks([_otherKey.PublicKey, _key.PublicKey]), Now, Skew);
        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(_key.Kid, result.VerifiedWithKid);
        AssertFails(JwtTestKit.SignRaw("""{"alg":"ES256"}""", payload, _otherKey), EarFailureKind.BadSignature, "no trusted key");
    }

    [Fact]
    public void Expired_token_is_refused_but_within_the_skew_is_accepted()
    {
        // Expires 20 s after issue; Now is 60 s after issue, beyond the 30 s skew.
        var jwt = EarJwt.Sign(Samples.PlatformAndLocation(expiresAt: Samples.IssuedAt.AddSeconds(20)), _key);
        AssertFails(jwt, EarFailureKind.Expired, "expired at");
        Assert.True(EarJwt.Verify(jwt, Trusted, Samples.IssuedAt.AddSeconds(45), Skew).IsValid);
    }

    [Fact]
    public void Token_from_the_future_or_before_nbf_is_not_yet_valid()
    {
        var jwt = EarJwt.Sign(Samples.PlatformAndLocation(), _key);
        var early = EarJwt.Verify(jwt, Trusted, Samples.IssuedAt.AddMinutes(-5), Skew);
        Assert.Equal(EarFailureKind.NotYetValid, early.Failure!.Kind);

        var withNbf = new Ear(Samples.Bridge, Samples.PlatformAndLocation().Submodules, Samples.IssuedAt) { NotBefore = Samples.IssuedAt.AddMinutes(5) };
        var result = Verify(EarJwt.Sign(withNbf, _key));
        Assert.Equal(EarFailureKind.NotYetValid, result.Failure!.Kind);
        Assert.Contains("not valid before", result.Failure.Reason);
    }

    [Fact]
    public void Truncated_token_is_malformed()
    {
        var jwt = EarJwt.Sign(Samples.PlatformAndLocation(), _key);
        AssertFails(jwt[..jwt.LastIndexOf('.')], EarFailureKind.Malformed, "3 dot-separated parts");
        AssertFails(jwt[..^10], EarFailureKind.BadSignature, "bytes, ES256 signatures are 64");
        AssertFails(jwt[..(jwt.IndexOf('.') + 1 + 21)] /* 21 chars: no whole base64 quantum */ + "." + JwtTestKit.Parts(jwt)[2], EarFailureKind.Malformed, "payload is not canonical");
    }

    [Theory]
    [InlineData('+')]
    [InlineData('/')]
    [InlineData('=')]
    [InlineData(' ')]
    [InlineData('é')]
    public void Characters_outside_base64url_are_malformed(char bad)
    {
        var jwt = EarJwt.Sign(Samples.PlatformAndLocation(), _key);
        var at = jwt.IndexOf('.') + 5;
        AssertFails(jwt[..at] + bad + jwt[(at + 1)..], EarFailureKind.Malformed, "payload is not canonical");
    }

    [Fact]
    public void Non_canonical_base64url_trailing_bits_are_malformed()
    {
        // A 64-byte signature is 86 characters; the last carries 4 unused bits that must be zero.
        var jwt = EarJwt.Sign(Samples.PlatformAndLocation(), _key);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var last = alphabet.IndexOf(jwt[^1]);
        var tampered = jwt[..^1] + alphabet[last | 1];
        AssertFails(tampered, EarFailureKind.Malformed, "signature is not canonical");
    }

    [Theory]
    [InlineData("[1,2,3]", "must be a JSON object")]
    [InlineData("\"just a string\"", "must be a JSON object")]
    [InlineData("{\"eat_profile\":", "not valid JSON")]
    public void Signed_payload_that_is_not_an_object_is_malformed(string payload, string reason)
    {
        AssertFails(JwtTestKit.SignRaw("""{"alg":"ES256"}""", payload, _key), EarFailureKind.Malformed, reason);
    }

    [Theory]
    [InlineData("[\"ES256\"]", "header must be a JSON object")]
    [InlineData("{\"kid\":\"x\"}", "no \"alg\"")]
    [InlineData("{\"alg\":\"ES256\",\"crit\":[\"b64\"],\"b64\":false}", "critical extensions")]
    [InlineData("{\"alg\":\"ES256\",\"alg\":\"none\"}", "more than once")]
    public void Bad_headers_are_malformed(string header, string reason)
    {
        AssertFails(JwtTestKit.WithHeader(EarJwt.Sign(Samples.PlatformAndLocation(), _key), header), EarFailureKind.Malformed, reason);
    }

    [Fact]
    public void Signed_claims_missing_a_mandatory_claim_name_it()
    {
        var jwt = JwtTestKit.SignRaw("""{"alg":"ES256"}""", """{"eat_profile":"tag:ietf.org,2026:rats/ear#03","iat":1700000000,"submods":{"x":{"ear_status":"none"}}}""", _key);
        var result = Verify(jwt);
        Assert.Equal(EarFailureKind.MissingClaim, result.Failure!.Kind);
        Assert.Equal("ear_verifier_id", result.Failure.Claim);
    }

    [Fact]
    public void Invalid_utf8_in_the_payload_is_malformed_not_a_crash()
    {
        var input = $"{JwtTestKit.Encode("""{"alg":"ES256"}""")}.{Base64UrlStrict.Encode([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])}";
        var jwt = $"{input}.{Base64UrlStrict.Encode(_key.SignEs256(Encoding.ASCII.GetBytes(input)))}";
        AssertFails(jwt, EarFailureKind.Malformed, "not valid JSON");
    }

    [Fact]
    public void Oversized_and_empty_tokens_are_malformed()
    {
        AssertFails(new string('A', EarJwt.MaxTokenLength + 1), EarFailureKind.Malformed, "more than the 65536 allowed");
        AssertFails("", EarFailureKind.Malformed, "empty");
        AssertFails("..", EarFailureKind.Malformed, "header is not valid JSON");
    }

    [Fact]
    public void Token_with_old_dotted_claim_names_verifies()
    {
        var payload = """
            {"eat_profile":"tag:github.com,2023:veraison/ear","iat":1700000000,
             "ear.verifier-id":{"developer":"https://veraison-project.org","build":"vts 0.0.1"},
             "submods":{"PARSEC_TPM":{"ear.status":"affirming","ear.trustworthiness-vector":{"executables":2,"hardware":2,"instance-identity":2},
                                      "ear.appraisal-policy-id":"https://veraison.example/policy/1/60a0068d"}}}
            """;
        var result = Verify(JwtTestKit.SignRaw($$"""{"alg":"ES256","typ":"JWT","kid":"{{_key.Kid}}"}""", payload, _key));
        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(EarStatus.Affirming, result.Ear!.Submodules["PARSEC_TPM"].Status);
        Assert.Equal(EarProfiles.Veraison, result.Ear.Profile);
    }
}
