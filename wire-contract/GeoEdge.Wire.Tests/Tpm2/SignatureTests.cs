using System.Security.Cryptography;
using GeoEdge.Wire.Tpm2;

namespace GeoEdge.Wire.Tests.Tpm2;

/// <summary>ECDSA and RSAPSS signatures made by .NET keys wrapped as TPM AKs.</summary>
public sealed class SignatureTests
{
    private static readonly byte[] Message = "a TPMS_ATTEST stands here"u8.ToArray();

    [Theory]
    [InlineData(TpmEccCurve.NistP256, TpmAlgId.Sha256)]
    [InlineData(TpmEccCurve.NistP384, TpmAlgId.Sha384)]
    [InlineData(TpmEccCurve.NistP521, TpmAlgId.Sha512)]
    public void Ecdsa_VerifiesAndRejectsAnotherMessage(TpmEccCurve curve, TpmAlgId hash)
    {
        using var key = ECDsa.Create(DotNetCurve(curve));
        var ak = EccAk(key, curve, hash);
        var signature = EcdsaSignature(key, hash, Message, stripLeadingZeros: false);

        Assert.True(signature.Verify(ak, Message));
        Assert.False(signature.Verify(ak, [.. Message, 0]));
    }

    [Fact]
    public void Ecdsa_RAndSWithoutLeadingZerosArePadded()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var ak = EccAk(key, TpmEccCurve.NistP256, TpmAlgId.Sha256);
        // Sign until r or s has a leading zero byte (1 in 128 chance each), then drop it as some TPMs do.
        for (var attempt = 0; attempt < 4000; attempt++)
        {
            var message = BitConverter.GetBytes(attempt);
            var p1363 = key.SignData(message, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
            if (p1363[0] != 0 && p1363[32] != 0) continue;
            var signature = EcdsaSignature(key, TpmAlgId.Sha256, message, stripLeadingZeros: true, p1363);
            Assert.True(signature.EcdsaR!.Length < 32 || signature.EcdsaS!.Length < 32);
            Assert.True(signature.Verify(ak, message));
            return;
        }
        Assert.Fail("no signature with a leading zero in 4000 attempts");
    }

    [Fact]
    public void Ecdsa_SignatureOfADifferentHashThanTheAkSchemeIsRefused()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var ak = EccAk(key, TpmEccCurve.NistP256, TpmAlgId.Sha256);
        var sha384 = EcdsaSignature(key, TpmAlgId.Sha384, Message, stripLeadingZeros: false);

        Assert.False(sha384.Verify(ak, Message));
    }

    [Fact]
    public void RsaPss_VerifiesAndRejectsATamperedSignature()
    {
        using var key = RSA.Create(2048);
        var ak = TpmPublic.Parse(TestPublicArea.Rsa(key.ExportParameters(false), TpmAlgId.Sha256,
            TestPublicArea.AkAttributes, aesBits: 0, TpmAlgId.RsaPss, TpmAlgId.Sha256, zeroExponent: false));
        var raw = key.SignData(Message, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
        var wire = new TpmWriter().Alg(TpmAlgId.RsaPss).Alg(TpmAlgId.Sha256).Sized(raw).ToArray();

        var signature = TpmSignature.Parse(wire);
        Assert.True(signature.Verify(ak, Message));
        Assert.False(signature.Verify(ak, [.. Message, 1]));
        wire[^1] ^= 1;
        Assert.False(TpmSignature.Parse(wire).Verify(ak, Message));
    }

    [Fact]
    public void RsaSsaSignature_DoesNotVerifyWithAnEccKey()
    {
        var data = GcpShieldedVmAttestation.Load();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var eccUnrestricted = TpmPublic.Parse(TestPublicArea.Ecc(key.ExportParameters(false), TpmEccCurve.NistP256, TpmAlgId.Sha256,
            TpmObjectAttributes.Sign, aesBits: 0, TpmAlgId.Null, TpmAlgId.Null));

        Assert.False(TpmSignature.Parse(data.QuoteSignature).Verify(eccUnrestricted, data.Quote));
    }

    [Fact]
    public void EccPublic_PointOffTheCurveIsAFormatError()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parameters = key.ExportParameters(false);
        parameters.Q.Y![^1] ^= 1;
        var ak = TpmPublic.Parse(TestPublicArea.Ecc(parameters, TpmEccCurve.NistP256, TpmAlgId.Sha256,
            TestPublicArea.AkAttributes, aesBits: 0, TpmAlgId.EcDsa, TpmAlgId.Sha256));

        var e = Assert.Throws<TpmFormatException>(() => ak.ExportECDsa());

        Assert.Equal("unique.ecc", e.Field);
    }

    [Fact]
    public void NullSignature_IsRefused()
    {
        var e = Assert.Throws<TpmFormatException>(() => TpmSignature.Parse([0x00, 0x10]));

        Assert.Equal("sigAlg", e.Field);
    }

    private static TpmPublic EccAk(ECDsa key, TpmEccCurve curve, TpmAlgId hash) =>
        TpmPublic.Parse(TestPublicArea.Ecc(key.ExportParameters(false), curve, TpmAlgId.Sha256,
            TestPublicArea.AkAttributes, aesBits: 0, TpmAlgId.EcDsa, hash));

    private static TpmSignature EcdsaSignature(ECDsa key, TpmAlgId hash, byte[] message, bool stripLeadingZeros, byte[]? p1363 = null)
    {
        p1363 ??= key.SignData(message, TpmHash.Name(hash), DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        var half = p1363.Length / 2;
        ReadOnlySpan<byte> r = p1363.AsSpan(0, half), s = p1363.AsSpan(half);
        if (stripLeadingZeros)
        {
            r = r.TrimStart((byte)0);
            s = s.TrimStart((byte)0);
        }
        return TpmSignature.Parse(new TpmWriter().Alg(TpmAlgId.EcDsa).Alg(hash).Sized(r).Sized(s).ToArray());
    }

    private static ECCurve DotNetCurve(TpmEccCurve curve) => curve switch
    {
        TpmEccCurve.NistP256 => ECCurve.NamedCurves.nistP256,
        TpmEccCurve.NistP384 => ECCurve.NamedCurves.nistP384,
        _ => ECCurve.NamedCurves.nistP521,
    };
}
