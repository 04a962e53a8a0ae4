namespace GeoEdge.Wire.Tpm2;

/// <summary>TPM_ST values (Part 2, 6.9) that type a TPMS_ATTEST.</summary>
public enum TpmStructureTag : ushort
{
    AttestNv = 0x8014,
    AttestCommandAudit = 0x8015,
    AttestSessionAudit = 0x8016,
    AttestCertify = 0x8017,
    AttestQuote = 0x8018,
    AttestTime = 0x8019,
    AttestCreation = 0x801A,
    AttestNvDigest = 0x801C,
}
