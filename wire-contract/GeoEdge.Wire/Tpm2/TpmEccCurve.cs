namespace GeoEdge.Wire.Tpm2;

/// <summary>TPM_ECC_CURVE values (Part 2, 6.4) for the NIST curves .NET can use.</summary>
public enum TpmEccCurve : ushort
{
    None = 0x0000,
    NistP192 = 0x0001,
    NistP224 = 0x0002,
    NistP256 = 0x0003,
    NistP384 = 0x0004,
    NistP521 = 0x0005,
    BnP256 = 0x0010,
    BnP638 = 0x0011,
    Sm2P256 = 0x0020,
}
