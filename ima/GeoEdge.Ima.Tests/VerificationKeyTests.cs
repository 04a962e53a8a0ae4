using System.Security.Cryptography;

namespace GeoEdge.Ima.Tests;

public sealed class VerificationKeyTests
{
    private static ImaVerificationKeys Rsa => ImaVerificationKeys.FromPem(Expected.Text("ima/keylime/rsa2048pub.pem"));

    private static ImaVerificationKeys Ec => ImaVerificationKeys.FromPem(Expected.Text("ima/keylime/secp256k1.pem"));

    [Fact]
    public void Keyids_are_the_last_four_bytes_of_SHA1_over_the_subject_public_key_as_the_signatures_name_them()
    {
        Assert.Equal([0xf3452d23u], Rsa.KeyIds);
        // secp256k1.pem is a private key with an EC PARAMETERS block: only its public part is kept.
        Assert.Equal([0x531f4025u], Ec.KeyIds);
        Assert.Equal(2, ImaVerificationKeys.FromPem(Expected.Text("ima/keylime/rsa2048pub.pem"), Expected.Text("ima/keylime/secp256k1.pem")).Count);
    }

    [Fact]
    public void Dd_verifies_only_with_the_RSA_key_and_zmore_only_with_the_secp256k1_key()
    {
        var entries = Expected.Entries("ima/keylime/signatures.txt");
        var (dd, zmore) = (entries[0], entries[1]);
        Assert.True(Rsa.Verify(dd, out var detail), detail);
        Assert.Contains("0xf3452d23 (RSA-2048)", detail, StringComparison.Ordinal);
        Assert.False(Ec.Verify(dd, out detail));
        Assert.Contains("no key with keyid 0xf3452d23", detail, StringComparison.Ordinal);
        Assert.True(Ec.Verify(zmore, out detail), detail);
        Assert.Contains("secp256k1", detail, StringComparison.Ordinal);
        Assert.False(Rsa.Verify(zmore, out _));
    }

    [Fact]
    public void A_signature_over_another_digest_does_not_verify()
    {
        var dd = Expected.Entries("ima/keylime/signatures.txt")[0];
        var other = dd.FileDigest.Value.ToArray();
        other[0] ^= 1;
        Assert.False(Rsa.Verify(dd with { FileDigest = new ImaDigest("sha256", other) }, out var detail));
        Assert.Contains("does not verify", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Keylimes_bad_signature_with_a_size_of_0x4800_is_false_with_the_reason()
    {
        var bad = Expected.Entries("ima/keylime/bad_signatures.txt").Single();
        Assert.False(Ec.Verify(bad, out var detail));
        Assert.Contains("0x4800", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "no signature")]
    [InlineData("03", "too short for a header")]
    [InlineData("0402", "type 4 is not a digital signature")]
    [InlineData("0301", "version 1 is not supported")]
    [InlineData("030204531f40", "shorter than its 9-byte v2 header")]
    [InlineData("0302ff531f4025000100", "hash algorithm 255")]
    [InlineData("030202531f4025000100", "over a sha1 digest but the file digest is sha256")]
    [InlineData("030212531f4025000100", "over a streebog256 digest but the file digest is sha256")]
    [InlineData("030204531f4025000100", "does not verify")]
    [InlineData("030204531f4025ffff00", "header says 65535")]
    public void Malformed_signatures_are_false_with_a_detail_never_an_exception(string signatureHex, string problem)
    {
        var zmore = Expected.Entries("ima/keylime/signatures.txt")[1];
        var entry = zmore with { Signature = signatureHex.Length == 0 ? null : Convert.FromHexString(signatureHex) };
        Assert.False(Ec.Verify(entry, out var detail));
        Assert.Contains(problem, detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_signature_over_a_digest_NET_cannot_verify_with_is_false_with_the_reason()
    {
        var entry = ImaEntry.Build(0, "ima-sig", new ImaDigest("sha224", new byte[28]), "/x", Convert.FromHexString("030207531f4025000100"));
        Assert.False(Ec.Verify(entry, out var detail));
        Assert.Equal("signatures over sha224 digests are not supported", detail);
    }

    [Fact]
    public void Keylimes_verification_keys_JSON_also_when_encoded_twice()
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(Expected.Text("ima/keylime/rsa2048pub.pem"));
        var json = $$"""{"pubkeys":["{{Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo())}}"],"keyids":[]}""";
        var dd = Expected.Entries("ima/keylime/signatures.txt")[0];
        Assert.True(ImaVerificationKeys.FromKeylimeJson(json)!.Verify(dd, out _));
        Assert.True(ImaVerificationKeys.FromKeylimeJson(System.Text.Json.JsonSerializer.Serialize(json, JsonStrings.Default.String))!.Verify(dd, out _));
        Assert.Null(ImaVerificationKeys.FromKeylimeJson(""));
        var overridden = ImaVerificationKeys.FromKeylimeJson(json.Replace("[]", "[42]"))!;
        Assert.Equal([42u], overridden.KeyIds);
        Assert.False(overridden.Verify(dd, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a pem")]
    [InlineData("-----BEGIN EC PARAMETERS-----\nBgUrgQQACg==\n-----END EC PARAMETERS-----\n")]
    [InlineData("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n")]
    public void Text_without_a_usable_key_is_a_key_exception(string pem)
    {
        var e = Assert.Throws<ImaKeyException>(() => ImaVerificationKeys.FromPem(Expected.Text("ima/keylime/rsa2048pub.pem"), pem));
        Assert.StartsWith("PEM 2:", e.Message, StringComparison.Ordinal);
    }
}
