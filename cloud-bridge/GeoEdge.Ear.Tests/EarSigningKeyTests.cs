using System.Security.Cryptography;
using GeoEdge.Hil.Rig.Processes;

namespace GeoEdge.Ear.Tests;

public sealed class EarSigningKeyTests : IDisposable
{
    private readonly RigDirectory _rig = new("ear-key");

    public void Dispose() => _rig.Dispose();

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")] // the bridge and its tests run on Linux; file modes are POSIX
    public void LoadOrCreate_creates_an_owner_only_file_and_reloads_the_same_key()
    {
        var path = _rig.File("ear-signing.pem");
        string kid;
        using (var created = EarSigningKey.LoadOrCreate(path)) kid = created.Kid;

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(path));
        using var reloaded = EarSigningKey.LoadOrCreate(path);
        Assert.Equal(kid, reloaded.Kid);
    }

    [Fact]
    public void Save_never_overwrites_an_existing_key()
    {
        var path = _rig.File("existing.pem");
        File.WriteAllText(path, "precious");
        using var key = EarSigningKey.Generate();
        var e = Assert.Throws<EarKeyException>(() => key.Save(path));
        Assert.Contains(path, e.Message);
        Assert.Equal("precious", File.ReadAllText(path));
    }

    [Fact]
    public void Garbage_missing_RSA_and_P384_key_files_are_refused_with_the_path()
    {
        var garbage = _rig.File("garbage.pem");
        File.WriteAllText(garbage, "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");
        Assert.Contains(garbage, Assert.Throws<EarKeyException>(() => EarSigningKey.Load(garbage)).Message);

        Assert.Contains("cannot read", Assert.Throws<EarKeyException>(() => EarSigningKey.Load(_rig.File("absent.pem"))).Message);

        var rsa = _rig.File("rsa.pem");
        using (var rsaKey = RSA.Create(2048)) File.WriteAllText(rsa, rsaKey.ExportPkcs8PrivateKeyPem());
        Assert.Contains("not an unencrypted EC private key", Assert.Throws<EarKeyException>(() => EarSigningKey.Load(rsa)).Message);

        var p384 = _rig.File("p384.pem");
        using (var ec384 = ECDsa.Create(ECCurve.NamedCurves.nistP384)) File.WriteAllText(p384, ec384.ExportPkcs8PrivateKeyPem());
        Assert.Contains("must be on P-256", Assert.Throws<EarKeyException>(() => EarSigningKey.Load(p384)).Message);
    }

    [Fact]
    public void Kid_of_an_openssl_generated_key_equals_a_hand_computed_RFC_7638_thumbprint()
    {
        // openssl makes the key (SEC1 "EC PRIVATE KEY" PEM) and hashes the canonical JWK we write by hand.
        OpenSsl.MustSucceed(_rig, "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "key.pem");
        OpenSsl.MustSucceed(_rig, "ec", "-in", "key.pem", "-pubout", "-outform", "DER", "-out", "pub.der");
        var spki = File.ReadAllBytes(_rig.File("pub.der"));
        var point = spki[^65..]; // SubjectPublicKeyInfo ends with the uncompressed point 04 || X || Y
        Assert.Equal(0x04, point[0]);
        var x = Base64UrlStrict.Encode(point[1..33]);
        var y = Base64UrlStrict.Encode(point[33..]);
        File.WriteAllText(_rig.File("canonical.json"), "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + x + "\",\"y\":\"" + y + "\"}");
        OpenSsl.MustSucceed(_rig, "dgst", "-sha256", "-binary", "-out", "thumb.bin", "canonical.json");
        var expected = Base64UrlStrict.Encode(File.ReadAllBytes(_rig.File("thumb.bin")));

        using var key = EarSigningKey.Load(_rig.File("key.pem"));

        Assert.Equal(expected, key.Kid);
        Assert.Equal(x, key.PublicKey.X);
    }
}
