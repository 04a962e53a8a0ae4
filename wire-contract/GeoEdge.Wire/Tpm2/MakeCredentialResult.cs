namespace GeoEdge.Wire.Tpm2;

/// <summary>What TPM2_MakeCredential returns, marshalled as the TPM would for TPM2_ActivateCredential.</summary>
/// <param name="CredentialBlob">TPM2B_ID_OBJECT: size || integrityHMAC (TPM2B_DIGEST) || encIdentity.</param>
/// <param name="Secret">TPM2B_ENCRYPTED_SECRET: the seed, OAEP-encrypted (RSA EK) or the ephemeral TPMS_ECC_POINT (ECC EK).</param>
public sealed record MakeCredentialResult(byte[] CredentialBlob, byte[] Secret);
