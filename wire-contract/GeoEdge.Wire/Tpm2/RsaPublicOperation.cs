using System.Numerics;

namespace GeoEdge.Wire.Tpm2;

/// <summary>
/// The raw RSA public operation m^e mod n. Needed because .NET offers neither OAEP with a label
/// (MakeCredential's "IDENTITY") nor PSS verification with the arbitrary salt lengths TPMs use.
/// Only public values go through it, so a non-constant-time ModPow is acceptable.
/// </summary>
internal static class RsaPublicOperation
{
    /// <summary>Returns the result as a big-endian integer of exactly the modulus length; null if the input is not below the modulus.</summary>
    public static byte[]? Apply(ReadOnlySpan<byte> modulus, uint exponent, ReadOnlySpan<byte> input)
    {
        var n = new BigInteger(modulus, isUnsigned: true, isBigEndian: true);
        var m = new BigInteger(input, isUnsigned: true, isBigEndian: true);
        if (n.IsZero || m >= n) return null;
        var c = BigInteger.ModPow(m, exponent, n);
        var output = new byte[modulus.Length];
        var length = c.GetByteCount(isUnsigned: true);
        c.TryWriteBytes(output.AsSpan(output.Length - length), out _, isUnsigned: true, isBigEndian: true);
        return output;
    }
}
