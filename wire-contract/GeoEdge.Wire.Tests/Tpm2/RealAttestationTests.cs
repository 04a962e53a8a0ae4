using System.Security.Cryptography;
using GeoEdge.Wire.Tpm2;

namespace GeoEdge.Wire.Tests.Tpm2;

/// <summary>Parses and verifies what a real (virtual) TPM produced on a GCP Shielded VM.</summary>
public sealed class RealAttestationTests
{
    private readonly GcpShieldedVmAttestation _data = GcpShieldedVmAttestation.Load();

    [Fact]
    public void AkPublic_IsARestrictedRsaSigningKey()
    {
        var ak = TpmPublic.Parse(_data.AkPublic);

        Assert.Equal(TpmAlgId.Rsa, ak.Type);
        Assert.Equal(TpmAlgId.Sha256, ak.NameAlg);
        Assert.True(ak.HasAttributes(TpmObjectAttributes.FixedTpm | TpmObjectAttributes.FixedParent
            | TpmObjectAttributes.SensitiveDataOrigin | TpmObjectAttributes.Restricted | TpmObjectAttributes.Sign));
        Assert.False(ak.HasAttributes(TpmObjectAttributes.Decrypt));
        Assert.True(ak.Symmetric.IsNull);
        Assert.Equal(TpmAlgId.RsaSsa, ak.Scheme);
        Assert.Equal(TpmAlgId.Sha1, ak.SchemeHash);
        Assert.Equal(2048, ak.Rsa!.KeyBits);
        Assert.Equal(65537u, ak.Rsa.Exponent); // marshalled as 0
        Assert.Equal(256, ak.Rsa.Modulus.Length);
        Assert.Equal(_data.AkPublic, ak.Marshalled.ToArray());
        using var rsa = ak.ExportRSA();
        Assert.Equal(2048, rsa.KeySize);
    }

    [Fact]
    public void AkPublic_ParsesTheSameInTpm2bForm()
    {
        var bare = TpmPublic.Parse(_data.AkPublic);
        var sized = TpmPublic.Parse(bare.ToTpm2b());

        Assert.Equal(bare.ComputeName(), sized.ComputeName());
        Assert.Equal(_data.AkPublic.Length + 2, bare.ToTpm2b().Length);
    }

    [Fact]
    public void CreationAttestation_CertifiesThisAk()
    {
        var ak = TpmPublic.Parse(_data.AkPublic);
        var attest = TpmsAttest.Parse(_data.CreateAttestation);
        var creationData = TpmCreationData.Parse(_data.CreateData);

        Assert.Equal(TpmStructureTag.AttestCreation, attest.Type);
        Assert.Null(attest.Quote);
        Assert.Equal(ak.ComputeName(), attest.Creation!.ObjectName);
        Assert.Equal(attest.Creation.CreationHash, creationData.ComputeHash(ak.NameAlg));
        Assert.Equal(SHA256.HashData(_data.CreateData), creationData.ComputeHash(TpmAlgId.Sha256));
        Assert.True(TpmSignature.Parse(_data.CreateSignature).Verify(ak, attest.Marshalled));
    }

    [Fact]
    public void CreationData_FieldsAreParsed()
    {
        var creationData = TpmCreationData.Parse(_data.CreateData);

        Assert.Empty(creationData.PcrSelect.Banks);
        Assert.Equal(SHA256.HashData([]), creationData.PcrDigest); // nothing selected: hash of nothing
        Assert.Equal(TpmAlgId.Sha256, creationData.ParentNameAlg);
        Assert.Equal(34, creationData.ParentName.Length);
        Assert.Empty(creationData.OutsideInfo);
    }

    [Fact]
    public void Quote_ParsesAndItsSignatureVerifies()
    {
        var ak = TpmPublic.Parse(_data.AkPublic);
        var quote = TpmsAttest.Parse(_data.Quote);
        var signature = TpmSignature.Parse(_data.QuoteSignature);

        Assert.Equal(TpmStructureTag.AttestQuote, quote.Type);
        Assert.Empty(quote.ExtraData);
        Assert.True(quote.ClockInfo.Safe);
        Assert.Equal(0x9c8313ul, quote.ClockInfo.Clock);
        Assert.Equal(TpmAlgId.RsaSsa, signature.SigAlg);
        Assert.Equal(TpmAlgId.Sha1, signature.Hash);
        Assert.True(signature.Verify(ak, quote.Marshalled));
    }

    [Fact]
    public void Quote_SelectsAll24Sha1Pcrs()
    {
        var selection = TpmsAttest.Parse(_data.Quote).Quote!.PcrSelect;

        var bank = Assert.Single(selection.Banks);
        Assert.Equal(TpmAlgId.Sha1, bank.Hash);
        Assert.Equal(3, bank.SizeOfSelect);
        Assert.Equal(Enumerable.Range(0, 24), bank.Indices);
    }

    [Fact]
    public void Quote_PcrDigestIsTheSigningHashOfTheLoggedPcrs()
    {
        var quote = TpmsAttest.Parse(_data.Quote);
        var signature = TpmSignature.Parse(_data.QuoteSignature);

        var digest = PcrDigest.Compute(signature.Hash, quote.Quote!.PcrSelect, (bank, index) => _data.Pcrs[(bank, index)]);

        Assert.Equal(quote.Quote.PcrDigest, digest);
    }

    [Fact]
    public void Quote_PcrDigestWithOneChangedPcrDiffers()
    {
        var quote = TpmsAttest.Parse(_data.Quote);
        var values = quote.Quote!.PcrSelect.SelectedInOrder().Select(p => (byte[])_data.Pcrs[p].Clone()).ToList();
        values[7][0] ^= 1;

        Assert.NotEqual(quote.Quote.PcrDigest, PcrDigest.Compute(TpmAlgId.Sha1, values));
    }

    [Fact]
    public void Quote_EveryFlippedByteBreaksTheSignature()
    {
        var ak = TpmPublic.Parse(_data.AkPublic);
        var signature = TpmSignature.Parse(_data.QuoteSignature);

        for (var i = 0; i < _data.Quote.Length; i++)
        {
            var tampered = (byte[])_data.Quote.Clone();
            tampered[i] ^= 0x01;
            Assert.False(signature.Verify(ak, tampered), $"a flip at byte {i} still verified");
        }
    }

    [Fact]
    public void Quote_ASignatureOverTheCreationAttestationDoesNotVerifyTheQuote()
    {
        var ak = TpmPublic.Parse(_data.AkPublic);

        Assert.False(TpmSignature.Parse(_data.CreateSignature).Verify(ak, _data.Quote));
    }

    [Fact]
    public void Attest_AcceptsTheTpm2bForm()
    {
        var sized = new TpmWriter().Sized(_data.Quote).ToArray();

        var quote = TpmsAttest.Parse(sized);

        Assert.Equal(_data.Quote, quote.Marshalled.ToArray());
        Assert.Equal(TpmStructureTag.AttestQuote, quote.Type);
    }

    [Fact]
    public void Attest_BadMagicIsRefusedByName()
    {
        var tampered = (byte[])_data.Quote.Clone();
        tampered[3] ^= 0xff;

        var e = Assert.Throws<TpmFormatException>(() => TpmsAttest.Parse(tampered));

        Assert.Equal("TPMS_ATTEST", e.Structure);
        Assert.Equal("magic", e.Field);
        Assert.Contains("TPM_GENERATED_VALUE", e.Message);
    }

    [Fact]
    public void Attest_OtherTypesStopAfterTheHeaderButKeepTheirType()
    {
        var certify = (byte[])_data.CreateAttestation.Clone();
        certify[5] = 0x17; // TPM_ST_ATTEST_CERTIFY: same header, body not parsed

        var attest = TpmsAttest.Parse(certify);

        Assert.Equal(TpmStructureTag.AttestCertify, attest.Type);
        Assert.Null(attest.Creation);
        Assert.Null(attest.Quote);
        Assert.Equal(certify, attest.Marshalled.ToArray());
    }

    [Fact]
    public void Attest_TrailingBytesAfterAQuoteAreRefused()
    {
        var longer = _data.Quote.Concat(new byte[] { 0 }).ToArray();

        var e = Assert.Throws<TpmFormatException>(() => TpmsAttest.Parse(longer));

        Assert.Contains("trailing", e.Message);
    }
}
