using GeoEdge.Drivers.Tpm.Encoding;

namespace GeoEdge.Drivers.Tpm;

/// <summary>
/// Public-area templates (marshalled TPM2B_PUBLIC) for the keys the agent creates. A primary key is a
/// deterministic function of the hierarchy seed and the template, so the EK templates must be the
/// TCG defaults byte for byte: only then is the key CreatePrimary returns the key in the EK certificate.
/// </summary>
public static class TpmTemplates
{
    /// <summary>PolicySecret(TPM_RH_ENDORSEMENT) digest with SHA-256: "policy A" of the TCG EK
    /// Credential Profile, the authPolicy of the low-range default EK templates.</summary>
    public static ReadOnlySpan<byte> EkPolicyA => Convert.FromHexString("837197674484b3f81a90cc8d46a5d724fd52d76e06520b64f2a1da1b331469aa");

    /// <summary>NIST P-256 in TPM_ECC_CURVE.</summary>
    private const ushort NistP256 = 0x0003;

    /// <summary>
    /// TCG EK Credential Profile 2.0, "template L-1": RSA 2048, nameAlg SHA-256, attributes fixedTPM,
    /// fixedParent, sensitiveDataOrigin, adminWithPolicy, restricted, decrypt (no userWithAuth: the EK
    /// is only usable through policy A); symmetric AES-128-CFB; scheme NULL; exponent 0 (= 65537);
    /// unique = 256 zero bytes. Its certificate is at NV index 0x01c00002.
    /// </summary>
    public static ReadOnlyMemory<byte> EkRsa2048 { get; } = RsaStorage(
        TpmObjectAttributes.FixedTpm | TpmObjectAttributes.FixedParent | TpmObjectAttributes.SensitiveDataOrigin |
        TpmObjectAttributes.AdminWithPolicy | TpmObjectAttributes.Restricted | TpmObjectAttributes.Decrypt,
        EkPolicyA, new byte[256]);

    /// <summary>
    /// TCG EK Credential Profile 2.0, "template L-2": ECC NIST P-256, nameAlg SHA-256, the same
    /// attributes and policy A as L-1; symmetric AES-128-CFB; scheme NULL; kdf NULL; unique = x and y
    /// of 32 zero bytes each. Its certificate is at NV index 0x01c0000a.
    /// </summary>
    public static ReadOnlyMemory<byte> EkEccP256 { get; } = EccStorage(
        TpmObjectAttributes.FixedTpm | TpmObjectAttributes.FixedParent | TpmObjectAttributes.SensitiveDataOrigin |
        TpmObjectAttributes.AdminWithPolicy | TpmObjectAttributes.Restricted | TpmObjectAttributes.Decrypt,
        EkPolicyA);

    /// <summary>
    /// An SRK-like storage primary for the owner hierarchy, after the ECC P-256 storage key of the TCG
    /// TPM v2.0 Provisioning Guidance: fixedTPM, fixedParent, sensitiveDataOrigin, userWithAuth, noDA,
    /// restricted, decrypt; empty auth policy; AES-128-CFB; unique x/y of 32 zero bytes so the same
    /// key comes back after every boot. The AK is created under it.
    /// </summary>
    public static ReadOnlyMemory<byte> StorageEccP256 { get; } = EccStorage(
        TpmObjectAttributes.FixedTpm | TpmObjectAttributes.FixedParent | TpmObjectAttributes.SensitiveDataOrigin |
        TpmObjectAttributes.UserWithAuth | TpmObjectAttributes.NoDa | TpmObjectAttributes.Restricted | TpmObjectAttributes.Decrypt,
        authPolicy: []);

    /// <summary>
    /// The attestation key: ECC NIST P-256, nameAlg SHA-256, a restricted signing key (fixedTPM,
    /// fixedParent, sensitiveDataOrigin, userWithAuth, restricted, sign) with scheme ECDSA-SHA256 fixed
    /// in the key, so it signs only TPM-generated structures (quotes, certifications), never outside
    /// data that could pass for one. Empty auth and policy; symmetric and kdf NULL; empty unique.
    /// </summary>
    public static ReadOnlyMemory<byte> AttestationKeyEccP256 { get; } = new TpmWriter()
        .U16((ushort)TpmAlgorithm.Ecc)
        .U16((ushort)TpmAlgorithm.Sha256)
        .U32((uint)AttestationKeyAttributes)
        .Sized([])
        .U16((ushort)TpmAlgorithm.Null)                                  // symmetric: none (not a storage key)
        .U16((ushort)TpmAlgorithm.Ecdsa).U16((ushort)TpmAlgorithm.Sha256) // scheme: ECDSA with SHA-256
        .U16(NistP256)
        .U16((ushort)TpmAlgorithm.Null)                                  // kdf: none
        .Sized([]).Sized([])                                             // unique: empty x, y
        .ToSizedArray();

    /// <summary>The attributes of <see cref="AttestationKeyEccP256"/>, which the bridge insists on.</summary>
    public const TpmObjectAttributes AttestationKeyAttributes =
        TpmObjectAttributes.FixedTpm | TpmObjectAttributes.FixedParent | TpmObjectAttributes.SensitiveDataOrigin |
        TpmObjectAttributes.UserWithAuth | TpmObjectAttributes.Restricted | TpmObjectAttributes.Sign;

    private static byte[] RsaStorage(TpmObjectAttributes attributes, ReadOnlySpan<byte> authPolicy, ReadOnlySpan<byte> unique) =>
        new TpmWriter()
            .U16((ushort)TpmAlgorithm.Rsa)
            .U16((ushort)TpmAlgorithm.Sha256)
            .U32((uint)attributes)
            .Sized(authPolicy)
            .U16((ushort)TpmAlgorithm.Aes).U16(128).U16((ushort)TpmAlgorithm.Cfb) // symmetric: AES-128-CFB
            .U16((ushort)TpmAlgorithm.Null)                                       // scheme: none
            .U16(2048)                                                            // keyBits
            .U32(0)                                                               // exponent: default 2^16+1
            .Sized(unique)
            .ToSizedArray();

    private static byte[] EccStorage(TpmObjectAttributes attributes, ReadOnlySpan<byte> authPolicy)
    {
        var coordinate = new byte[32];
        return new TpmWriter()
            .U16((ushort)TpmAlgorithm.Ecc)
            .U16((ushort)TpmAlgorithm.Sha256)
            .U32((uint)attributes)
            .Sized(authPolicy)
            .U16((ushort)TpmAlgorithm.Aes).U16(128).U16((ushort)TpmAlgorithm.Cfb) // symmetric: AES-128-CFB
            .U16((ushort)TpmAlgorithm.Null)                                       // scheme: none
            .U16(NistP256)
            .U16((ushort)TpmAlgorithm.Null)                                       // kdf: none
            .Sized(coordinate).Sized(coordinate)                                  // unique: x, y
            .ToSizedArray();
    }
}
