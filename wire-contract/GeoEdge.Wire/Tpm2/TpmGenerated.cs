namespace GeoEdge.Wire.Tpm2;

/// <summary>
/// TPM_GENERATED_VALUE (Part 2, 6.2): the magic that opens every TPMS_ATTEST the TPM itself
/// produced. A restricted signing key refuses to sign external data that starts with it, which is
/// what makes an attestation unforgeable with the same key.
/// </summary>
public static class TpmGenerated
{
    public const uint Value = 0xff544347;
}
