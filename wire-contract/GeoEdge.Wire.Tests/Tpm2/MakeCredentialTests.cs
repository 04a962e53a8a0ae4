using System.Security.Cryptography;
using GeoEdge.Wire.Tpm2;

namespace GeoEdge.Wire.Tests.Tpm2;

/// <summary>
/// MakeCredential against a software ActivateCredential (<see cref="SoftwareActivateCredential"/>)
/// holding the private half of a .NET-generated EK wrapped in a TPMT_PUBLIC.
/// </summary>
public sealed class MakeCredentialTests
{
    private readonly GcpShieldedVmAttestation _data = GcpShieldedVmAttestation.Load();

    private byte[] AkName => TpmPublic.Parse(_data.AkPublic).ComputeName();

    [Theory]
    [InlineData(2048, TpmAlgId.Sha256, (ushort)128)] // EK template L-1
    [InlineData(3072, TpmAlgId.Sha384, (ushort)256)] // high-range template H-4 shape
    public void RsaEk_RoundTrips(int keyBits, TpmAlgId nameAlg, ushort aesBits)
    {
        using var ek = RSA.Create(keyBits);
        var ekPublic = TestPublicArea.RsaEk(ek, nameAlg, aesBits);
        var credential = RandomNumberGenerator.GetBytes(TpmHash.DigestSize(nameAlg));

        var made = MakeCredential.Create(ekPublic, AkName, credential);

        Assert.Equal(2 + keyBits / 8, made.Secret.Length);
        Assert.Equal(credential, SoftwareActivateCredential.WithRsa(ek, TpmHash.Name(nameAlg), aesBits, AkName, made));
    }

    [Theory]
    [InlineData(TpmEccCurve.NistP256, TpmAlgId.Sha256, (ushort)128)] // EK template L-2
    [InlineData(TpmEccCurve.NistP384, TpmAlgId.Sha384, (ushort)256)] // H-3 shape
    public void EccEk_RoundTrips(TpmEccCurve curve, TpmAlgId nameAlg, ushort aesBits)
    {
        using var ek = ECDiffieHellman.Create(curve == TpmEccCurve.NistP256 ? ECCurve.NamedCurves.nistP256 : ECCurve.NamedCurves.nistP384);
        var ekPublic = TestPublicArea.EccEk(ek, curve, nameAlg, aesBits);
        var credential = RandomNumberGenerator.GetBytes(16);

        var made = MakeCredential.Create(ekPublic, AkName, credential);

        var size = TpmEccDetail.CoordinateSize(curve);
        Assert.Equal(2 + 2 + size + 2 + size, made.Secret.Length);
        Assert.Equal(credential, SoftwareActivateCredential.WithEcc(ek, TpmHash.Name(nameAlg), aesBits, AkName, made));
    }

    [Fact]
    public void CredentialBlob_HasTheTpm2bIdObjectLayout()
    {
        using var ek = RSA.Create(2048);
        var credential = new byte[] { 1, 2, 3, 4, 5 };

        var made = MakeCredential.Create(TestPublicArea.RsaEk(ek), AkName, credential);

        // size(2) || TPM2B_DIGEST integrityHMAC (2 + 32) || encIdentity (2 + credential)
        Assert.Equal(2 + 2 + 32 + 2 + credential.Length, made.CredentialBlob.Length);
        Assert.Equal(new byte[] { 0, 32 + 2 + 2 + 5, 0, 32 }, made.CredentialBlob[..4]);
    }

    [Fact]
    public void TamperedBlob_FailsTheIntegrityCheckAtEveryByte()
    {
        using var ek = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var made = MakeCredential.Create(TestPublicArea.EccEk(ek, TpmEccCurve.NistP256), AkName, RandomNumberGenerator.GetBytes(32));

        for (var i = 4; i < made.CredentialBlob.Length; i++) // after the two size fields
        {
            var blob = (byte[])made.CredentialBlob.Clone();
            blob[i] ^= 0x80;
            Assert.Throws<CredentialIntegrityException>(() =>
                SoftwareActivateCredential.WithEcc(ek, HashAlgorithmName.SHA256, 128, AkName, made with { CredentialBlob = blob }));
        }
    }

    [Fact]
    public void WrongName_FailsTheIntegrityCheck()
    {
        using var ek = RSA.Create(2048);
        var made = MakeCredential.Create(TestPublicArea.RsaEk(ek), AkName, RandomNumberGenerator.GetBytes(32));
        var otherName = (byte[])AkName.Clone();
        otherName[^1] ^= 1;

        Assert.Throws<CredentialIntegrityException>(() =>
            SoftwareActivateCredential.WithRsa(ek, HashAlgorithmName.SHA256, 128, otherName, made));
    }

    [Fact]
    public void WrongEk_CannotRecoverTheSeed()
    {
        using var ek = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        using var otherEk = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var made = MakeCredential.Create(TestPublicArea.EccEk(ek, TpmEccCurve.NistP256), AkName, RandomNumberGenerator.GetBytes(32));

        Assert.Throws<CredentialIntegrityException>(() =>
            SoftwareActivateCredential.WithEcc(otherEk, HashAlgorithmName.SHA256, 128, AkName, made));
    }

    [Fact]
    public void InjectedEntropy_MakesTheOutputReproducible()
    {
        using var ek = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        using var ephemeral = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var ekPublic = TestPublicArea.EccEk(ek, TpmEccCurve.NistP256);
        var credential = RandomNumberGenerator.GetBytes(32);
        var entropy = new FixedEntropy(ephemeral.ExportParameters(true));

        var first = MakeCredential.Create(ekPublic, AkName, credential, entropy);
        var second = MakeCredential.Create(ekPublic, AkName, credential, entropy);
        var fresh = MakeCredential.Create(ekPublic, AkName, credential);

        Assert.Equal(first.CredentialBlob, second.CredentialBlob);
        Assert.Equal(first.Secret, second.Secret);
        Assert.NotEqual(first.Secret, fresh.Secret);
        Assert.Equal(ephemeral.ExportParameters(false).Q.X, first.Secret.AsSpan(4, 32).ToArray());
    }

    [Fact]
    public void InjectedSeed_FixesTheRsaBlobWhileOaepStaysRandomised()
    {
        using var ek = RSA.Create(2048);
        using var unused = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var ekPublic = TestPublicArea.RsaEk(ek);
        var credential = RandomNumberGenerator.GetBytes(32);
        var entropy = new FixedEntropy(unused.ExportParameters(true));

        var first = MakeCredential.Create(ekPublic, AkName, credential, entropy);
        var second = MakeCredential.Create(ekPublic, AkName, credential, entropy);

        Assert.Equal(first.CredentialBlob, second.CredentialBlob);
        Assert.NotEqual(first.Secret, second.Secret);
        Assert.Equal(credential, SoftwareActivateCredential.WithRsa(ek, HashAlgorithmName.SHA256, 128, AkName, second));
    }

    [Fact]
    public void CredentialLongerThanTheDigest_IsRefused()
    {
        using var ek = RSA.Create(2048);

        var e = Assert.Throws<ArgumentException>(() => MakeCredential.Create(TestPublicArea.RsaEk(ek), AkName, new byte[33]));

        Assert.Contains("1..32", e.Message);
    }

    [Fact]
    public void NotAName_IsRefused()
    {
        using var ek = RSA.Create(2048);

        Assert.Throws<ArgumentException>(() => MakeCredential.Create(TestPublicArea.RsaEk(ek), AkName[..^1], new byte[16]));
    }

    [Fact]
    public void SigningKeyAsEk_IsRefused()
    {
        var ak = TpmPublic.Parse(_data.AkPublic);

        var e = Assert.Throws<TpmFormatException>(() => MakeCredential.Create(ak, AkName, new byte[16]));

        Assert.Equal("objectAttributes", e.Field);
    }

    [Fact]
    public void EkWithoutAesCfb_IsRefused()
    {
        using var ek = RSA.Create(2048);
        var noSymmetric = TpmPublic.Parse(TestPublicArea.Rsa(ek.ExportParameters(false), TpmAlgId.Sha256,
            TestPublicArea.EkAttributes, aesBits: 0, TpmAlgId.Null, TpmAlgId.Null));

        var e = Assert.Throws<TpmFormatException>(() => MakeCredential.Create(noSymmetric, AkName, new byte[16]));

        Assert.Equal("parameters.symmetric", e.Field);
    }

    private sealed class FixedEntropy(ECParameters ephemeral) : IMakeCredentialEntropy
    {
        public void FillSeed(Span<byte> seed) => seed.Fill(0x5a);

        public ECDiffieHellman CreateEphemeralKey(ECCurve curve) => ECDiffieHellman.Create(ephemeral);
    }
}
