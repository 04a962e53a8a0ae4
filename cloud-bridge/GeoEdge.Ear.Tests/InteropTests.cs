using System.Text;
using GeoEdge.Hil.Rig.Processes;

namespace GeoEdge.Ear.Tests;

/// <summary>Second opinions from implementations that are not ours: the EAR draft's own signed example, and openssl.</summary>
public sealed class InteropTests : IDisposable
{
    private readonly RigDirectory _rig = new("ear-interop");

    public void Dispose() => _rig.Dispose();

    // draft-ietf-rats-ear-03, Appendix B: a JWT EAR produced by Veraison (dotted claim names,
    // iat written as 1.666529184e+09, nbf 1677247879) and the verifier's public key.
    private const string DraftAppendixBToken =
        "eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.eyJlYXIucmF3LWV2aWRlbmNlIjoiTnpRM01qWTVOek0yTlRZek56UUsiLCJlYXIudmVyaWZpZXItaWQiO" +
        "nsiYnVpbGQiOiJ2dHMgMC4wLjEiLCJkZXZlbG9wZXIiOiJodHRwczovL3ZlcmFpc29uLXByb2plY3Qub3JnIn0sImVhdF9wcm9maWxlIjoidGFnOmdpdGh1Yi5jb20sMjAyMzp2Z" +
        "XJhaXNvbi9lYXIiLCJpYXQiOjEuNjY2NTI5MTg0ZSswOSwianRpIjoiNTViOGIzZmFkOGRkMWQ4ZWFjNGU0OGYxMTdmZTUwOGIxMWY4NDRkOWYwMTg5YmZlZDliODc1MTVhNjc1N" +
        "DI2NCIsIm5iZiI6MTY3NzI0Nzg3OSwic3VibW9kcyI6eyJQQVJTRUNfVFBNIjp7ImVhci5hcHByYWlzYWwtcG9saWN5LWlkIjoiaHR0cHM6Ly92ZXJhaXNvbi5leGFtcGxlL3Bvb" +
        "GljeS8xLzYwYTAwNjhkIiwiZWFyLnN0YXR1cyI6ImFmZmlybWluZyIsImVhci50cnVzdHdvcnRoaW5lc3MtdmVjdG9yIjp7ImV4ZWN1dGFibGVzIjoyLCJoYXJkd2FyZSI6Miwia" +
        "W5zdGFuY2UtaWRlbnRpdHkiOjJ9LCJlYXIudmVyYWlzb24ua2V5LWF0dGVzdGF0aW9uIjp7ImFrcHViIjoiTUZrd0V3WUhLb1pJemowQ0FRWUlLb1pJemowREFRY0RRZ0FFY2pTc" +
        "DhfTVdNM2d5OFR1Z1dPMVRwUVNqX3ZJa3NMcEMtZzhsNVMzbHBHYjdQV1dHb0NBakVQOF9BNTlWWndMWGd3b1p6TjBXeHVCUGpwYVdpV3NmQ1EifX19fQ.3Ym-f1LEgamxePUM7h" +
        "6Y2RJDGh9eeL0xKor0n1wE9jdAnLNwm3rTKFV2S2LbqVFoDtK9QGalT2t5RnUdfwZNmg";

    private const string DraftAppendixBKeys =
        """{"keys":[{"alg":"ES256","crv":"P-256","kty":"EC","x":"usWxHK2PmfnHKwXPS54m0kTcGJ90UiglWiGahtagnv8","y":"IBOL-C3BttVivg-lSreASjpkttcsz-1rb7btKLv8EX4"}]}""";

    [Fact]
    public void The_EAR_drafts_signed_Veraison_example_verifies_and_reads()
    {
        var afterNbf = DateTimeOffset.FromUnixTimeSeconds(1677247879).AddDays(1);

        var result = EarJwt.Verify(DraftAppendixBToken, Jwks.Parse(DraftAppendixBKeys), afterNbf, TimeSpan.Zero);

        Assert.True(result.IsValid, result.ToString());
        var ear = result.Ear!;
        Assert.Equal(EarProfiles.Veraison, ear.Profile);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1666529184), ear.IssuedAt);
        Assert.Equal("https://veraison-project.org", ear.VerifierId.Developer);
        var tpm = ear.Submodules["PARSEC_TPM"];
        Assert.Equal(EarStatus.Affirming, tpm.Status);
        Assert.Equal(["https://veraison.example/policy/1/60a0068d"], tpm.AppraisalPolicyIds);
        Assert.Equal(2, tpm.TrustVector[TrustCategory.Executables]);
        Assert.True(tpm.Extensions.ContainsKey("ear.veraison.key-attestation"));
        Assert.Equal(["ear.raw-evidence", "jti"], ear.ExtraClaims.Keys);

        var beforeNbf = EarJwt.Verify(DraftAppendixBToken, Jwks.Parse(DraftAppendixBKeys), afterNbf.AddDays(-2), TimeSpan.Zero);
        Assert.Equal(EarFailureKind.NotYetValid, beforeNbf.Failure!.Kind);
    }

    [Fact]
    public void Openssl_verifies_our_signature_and_rejects_it_on_a_changed_input()
    {
        using var key = EarSigningKey.Generate();
        key.Save(_rig.File("ear.pem"));
        var parts = EarJwt.Sign(Samples.PlatformAndLocation(), key).Split('.');
        File.WriteAllText(_rig.File("input.txt"), $"{parts[0]}.{parts[1]}");
        File.WriteAllText(_rig.File("tampered.txt"), $"{parts[0]}.{parts[1]}x");
        File.WriteAllBytes(_rig.File("sig.der"), OpenSsl.ToDer(JwtTestKit.Decode(parts[2])));
        // openssl reading our PKCS#8 file is itself a check of the saved format.
        OpenSsl.MustSucceed(_rig, "ec", "-in", "ear.pem", "-pubout", "-out", "pub.pem");

        OpenSsl.MustSucceed(_rig, "dgst", "-sha256", "-verify", "pub.pem", "-signature", "sig.der", "input.txt");
        Assert.Equal(1, OpenSsl.Run(_rig, "dgst", "-sha256", "-verify", "pub.pem", "-signature", "sig.der", "tampered.txt"));
    }

    [Fact]
    public void We_verify_a_token_whose_signature_openssl_made()
    {
        OpenSsl.MustSucceed(_rig, "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "key.pem");
        OpenSsl.MustSucceed(_rig, "ec", "-in", "key.pem", "-pubout", "-outform", "DER", "-out", "pub.der");
        var point = File.ReadAllBytes(_rig.File("pub.der"))[^65..];
        var trusted = new Jwks([new EcPublicJwk(point[1..33], point[33..])]);

        var header = JwtTestKit.Encode($$"""{"alg":"ES256","typ":"JWT","kid":"{{trusted.Keys[0].Kid}}"}""");
        var payload = Base64UrlStrict.Encode(EarClaimsWriter.Write(Samples.PlatformAndLocation()));
        File.WriteAllText(_rig.File("input.txt"), $"{header}.{payload}");
        OpenSsl.MustSucceed(_rig, "dgst", "-sha256", "-sign", "key.pem", "-out", "sig.der", "input.txt");
        var signature = OpenSsl.FromDer(File.ReadAllBytes(_rig.File("sig.der")));

        var result = EarJwt.Verify($"{header}.{payload}.{Base64UrlStrict.Encode(signature)}", trusted, Samples.IssuedAt, TimeSpan.Zero);

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(EarStatus.Warning, result.Ear!.OverallStatus);
    }
}
