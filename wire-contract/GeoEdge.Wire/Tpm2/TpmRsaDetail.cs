namespace GeoEdge.Wire.Tpm2;

/// <summary>The RSA part of a TPMT_PUBLIC: TPMS_RSA_PARMS keyBits/exponent and the TPM2B_PUBLIC_KEY_RSA modulus.</summary>
/// <param name="KeyBits">Modulus size in bits.</param>
/// <param name="Exponent">The public exponent, already mapped from the wire's 0 to its meaning, 65537.</param>
/// <param name="Modulus">Big-endian modulus; empty in a creation template.</param>
public sealed record TpmRsaDetail(ushort KeyBits, uint Exponent, byte[] Modulus)
{
    /// <summary>The exponent a TPM means when the exponent field is 0 (Part 2, 12.2.3.5).</summary>
    public const uint DefaultExponent = 65537;

    /// <summary>MAX_RSA_KEY_BYTES for 4096-bit keys; no TPM marshals a larger modulus.</summary>
    public const int MaxModulusBytes = 512;
}
