using System.Security.Cryptography;
using GeoEdge.Drivers.Tpm.Tests.Parsing;

namespace GeoEdge.Drivers.Tpm.Tests;

public sealed class AttestationKeyTests(SwtpmFixture tpm) : IClassFixture<SwtpmFixture>
{
    [Fact]
    public void Ak_created_under_the_storage_primary_has_the_restricted_signing_attributes()
    {
        using (var device = tpm.Open())
        {
            using var srk = device.CreatePrimary(TpmHierarchy.Owner, TpmTemplates.StorageEccP256.Span);
            var created = device.Create(srk, TpmTemplates.AttestationKeyEccP256.Span);
            using var ak = device.Load(srk, created);

            var area = TpmPublicArea.Parse(ak.Public.Span);
            Assert.Equal((uint)TpmTemplates.AttestationKeyAttributes, area.Attributes);
            Assert.Equal(0x0018, area.SchemeAlg);
            Assert.Equal(32, area.EccX.Length);
            // Name = nameAlg (SHA-256) || SHA-256(TPMT_PUBLIC), computed independently here.
            var expectedName = new byte[] { 0x00, 0x0b }.Concat(SHA256.HashData(ak.Public.Span[2..])).ToArray();
            Assert.Equal(Convert.ToHexString(expectedName), Convert.ToHexString(ak.Name.Span));
        }
        tpm.AssertNothingLoaded();
    }

    [Fact]
    public void Quote_signature_verifies_with_the_ak_public_key_and_carries_the_qualifying_data()
    {
        var nonce = RandomNumberGenerator.GetBytes(32);
        using (var device = tpm.Open())
        {
            using var srk = device.CreatePrimary(TpmHierarchy.Owner, TpmTemplates.StorageEccP256.Span);
            using var ak = device.Load(srk, device.Create(srk, TpmTemplates.AttestationKeyEccP256.Span));

            var quote = device.Quote(ak, nonce, TpmAlgorithm.Sha256, [0, 1, 2, 3, 4, 5, 6, 7, 10]);

            Assert.True(EcdsaSignature.Verify(ak.Public.Span, quote.Attest.Span, quote.Signature.Span), "quote signature does not verify");
            var attest = TpmsAttest.Parse(quote.Attest.Span);
            Assert.Equal(TpmsAttest.GeneratedValue, attest.Magic);
            Assert.Equal(TpmsAttest.AttestQuote, attest.Type);
            Assert.Equal(nonce, attest.ExtraData);

            // A flipped byte in the attest must not verify: the check above can fail.
            var tampered = quote.Attest.ToArray();
            tampered[^1] ^= 1;
            Assert.False(EcdsaSignature.Verify(ak.Public.Span, tampered, quote.Signature.Span));
        }
        tpm.AssertNothingLoaded();
    }

    [Fact]
    public void Quote_pcr_digest_is_the_hash_of_the_pcr_values_read()
    {
        using (var device = tpm.Open())
        {
            using var srk = device.CreatePrimary(TpmHierarchy.Owner, TpmTemplates.StorageEccP256.Span);
            using var ak = device.Load(srk, device.Create(srk, TpmTemplates.AttestationKeyEccP256.Span));
            int[] pcrs = [0, 7, 10];
            device.PcrExtend(10, TpmAlgorithm.Sha256, SHA256.HashData("quote-digest"u8));

            var values = device.PcrRead(TpmAlgorithm.Sha256, pcrs);
            var quote = device.Quote(ak, [1, 2, 3], TpmAlgorithm.Sha256, pcrs);

            // TPMS_QUOTE_INFO: TPML_PCR_SELECTION (count, hash, sizeofSelect, bitmap), then TPM2B_DIGEST pcrDigest.
            var r = new Cursor(TpmsAttest.Parse(quote.Attest.Span).Attested);
            Assert.Equal(1u, r.U32());
            Assert.Equal(0x000b, r.U16());
            r.Bytes(r.U8());
            var pcrDigest = r.Sized();
            var expected = SHA256.HashData(pcrs.SelectMany(p => values[p]).ToArray());
            Assert.Equal(expected, pcrDigest);
        }
        tpm.AssertNothingLoaded();
    }

    [Fact]
    public void Certify_creation_proves_the_ak_was_created_by_this_tpm()
    {
        var nonce = RandomNumberGenerator.GetBytes(16);
        using (var device = tpm.Open())
        {
            using var srk = device.CreatePrimary(TpmHierarchy.Owner, TpmTemplates.StorageEccP256.Span);
            var created = device.Create(srk, TpmTemplates.AttestationKeyEccP256.Span);
            using var ak = device.Load(srk, created);

            var certification = device.CertifyCreation(ak, ak, nonce, created);

            Assert.True(EcdsaSignature.Verify(ak.Public.Span, certification.Attest.Span, certification.Signature.Span));
            var attest = TpmsAttest.Parse(certification.Attest.Span);
            Assert.Equal(TpmsAttest.GeneratedValue, attest.Magic);
            Assert.Equal(TpmsAttest.AttestCreation, attest.Type);
            Assert.Equal(nonce, attest.ExtraData);
            // TPMS_CREATION_INFO: objectName, creationHash (both TPM2B). The hash is SHA-256 of the creation data.
            var r = new Cursor(attest.Attested);
            Assert.Equal(ak.Name.ToArray(), r.Sized());
            Assert.Equal(SHA256.HashData(created.CreationData.Span[2..]), r.Sized());
        }
        tpm.AssertNothingLoaded();
    }

    [Fact]
    public void Certify_creation_with_a_ticket_for_another_object_is_refused_by_the_tpm()
    {
        using (var device = tpm.Open())
        {
            using var srk = device.CreatePrimary(TpmHierarchy.Owner, TpmTemplates.StorageEccP256.Span);
            var first = device.Create(srk, TpmTemplates.AttestationKeyEccP256.Span);
            var second = device.Create(srk, TpmTemplates.AttestationKeyEccP256.Span);
            using var ak = device.Load(srk, first);
            using var other = device.Load(srk, second);

            // The ticket is an HMAC over the creation hash and the name of the object it was issued for.
            // (Both objects have the same creation data, hence the same creation hash: only the name differs.)
            Assert.Equal(first.CreationHash.ToArray(), second.CreationHash.ToArray());
            var error = Assert.Throws<TpmException>(() => device.CertifyCreation(ak, other, [], second.CreationHash.Span, first.CreationTicket.Span));

            Assert.Equal("TPM", error.Layer);
            Assert.Equal(TpmResponseCodes.Ticket, error.TpmBaseCode);
            Assert.Contains("TPM_RC_TICKET", error.Message);
        }
        tpm.AssertNothingLoaded();
    }
}
