using System.Buffers.Binary;
using System.Security.Cryptography;
using GeoEdge.Drivers.Tpm.Tests.Parsing;

namespace GeoEdge.Drivers.Tpm.Tests;

public sealed class TemplateTests
{
    [Fact]
    public void Ek_policy_a_is_policy_secret_of_the_endorsement_hierarchy()
    {
        // TPM 2.0 Part 3, PolicySecret: policyDigest' = H(policyDigest || TPM_CC_PolicySecret || authObject name),
        // then H(policyDigest' || policyRef); starting from 32 zero bytes, policyRef empty. The name of a
        // permanent handle is the handle itself.
        var step = new byte[32 + 4 + 4];
        BinaryPrimitives.WriteUInt32BigEndian(step.AsSpan(32), 0x00000151);     // TPM_CC_PolicySecret
        BinaryPrimitives.WriteUInt32BigEndian(step.AsSpan(36), 0x4000000b);     // TPM_RH_ENDORSEMENT
        var digest = SHA256.HashData(SHA256.HashData(step));

        Assert.Equal(Convert.ToHexString(digest), Convert.ToHexString(TpmTemplates.EkPolicyA));
    }

    [Fact]
    public void Ek_templates_have_the_tcg_l1_and_l2_shape()
    {
        var rsa = TpmPublicArea.Parse(TpmTemplates.EkRsa2048.Span);
        var ecc = TpmPublicArea.Parse(TpmTemplates.EkEccP256.Span);

        Assert.Equal(0x000300b2u, rsa.Attributes);
        Assert.Equal(0x000300b2u, ecc.Attributes);
        Assert.Equal(256, rsa.RsaModulus.Length);
        Assert.All(rsa.RsaModulus, b => Assert.Equal(0, b));
        Assert.Equal(0x0003, ecc.CurveId);
        Assert.Equal(32, ecc.EccX.Length);
        Assert.Equal(32, ecc.EccY.Length);
        Assert.Equal(TpmTemplates.EkPolicyA.ToArray(), rsa.AuthPolicy);
    }

    [Fact]
    public void Ak_template_is_a_restricted_ecdsa_sha256_signing_key()
    {
        var ak = TpmPublicArea.Parse(TpmTemplates.AttestationKeyEccP256.Span);

        Assert.Equal(0x00050072u, ak.Attributes);
        Assert.Equal(0x0018, ak.SchemeAlg);
        Assert.Empty(ak.AuthPolicy);
    }
}
