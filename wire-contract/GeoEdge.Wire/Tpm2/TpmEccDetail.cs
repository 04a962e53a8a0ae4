namespace GeoEdge.Wire.Tpm2;

/// <summary>The ECC part of a TPMT_PUBLIC: TPMS_ECC_PARMS curve and KDF, and the TPMS_ECC_POINT.</summary>
/// <param name="X">Big-endian x coordinate exactly as marshalled (may lack leading zeros); empty in a template.</param>
/// <param name="Y">Big-endian y coordinate exactly as marshalled.</param>
public sealed record TpmEccDetail(TpmEccCurve Curve, TpmAlgId Kdf, TpmAlgId KdfHash, byte[] X, byte[] Y)
{
    /// <summary>Bound on one marshalled TPM2B_ECC_PARAMETER; the largest curve used (P-521) needs 66.</summary>
    public const int MaxParameterBytes = 128;

    /// <summary>Byte size of a coordinate (and of r, s) on a NIST curve; 0 for curves .NET does not have.</summary>
    public static int CoordinateSize(TpmEccCurve curve) => curve switch
    {
        TpmEccCurve.NistP256 => 32,
        TpmEccCurve.NistP384 => 48,
        TpmEccCurve.NistP521 => 66,
        _ => 0,
    };

    /// <summary>The coordinate left-padded to the curve size, as .NET and P1363 want it.</summary>
    internal static byte[] PadCoordinate(ReadOnlySpan<byte> value, int size, string structure, string field)
    {
        var trimmed = value.TrimStart((byte)0);
        if (trimmed.Length > size)
            throw new TpmFormatException(structure, field, $"{value.Length} bytes do not fit the curve's {size}-byte coordinates");
        var padded = new byte[size];
        trimmed.CopyTo(padded.AsSpan(size - trimmed.Length));
        return padded;
    }
}
