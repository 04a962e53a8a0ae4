using System.Numerics;
using System.Security.Cryptography;

namespace GeoEdge.Drivers.Osnma.Simulator.Tests;

/// <summary>
/// Imports a SEC1 compressed point (the OSNMA NPK / XML point) into an ECDsa verifier: .NET only imports x and y, so y is
/// recovered as sqrt(x^3 - 3x + b) mod p (both primes are 3 mod 4, so sqrt = z^((p+1)/4)) with the parity from the prefix.
/// </summary>
internal static class EcPoint
{
    private static readonly BigInteger P256 = Parse("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff");
    private static readonly BigInteger B256 = Parse("5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b");
    private static readonly BigInteger P521 = BigInteger.Pow(2, 521) - 1;
    private static readonly BigInteger B521 = Parse("0051953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b503f00");

    public static ECDsa Import(ReadOnlySpan<byte> compressed)
    {
        var (p, b, curve, size) = compressed.Length switch
        {
            33 => (P256, B256, ECCurve.NamedCurves.nistP256, 32),
            67 => (P521, B521, ECCurve.NamedCurves.nistP521, 66),
            _ => throw new ArgumentException($"not a compressed P-256/P-521 point: {compressed.Length} bytes"),
        };
        var x = new BigInteger(compressed[1..], isUnsigned: true, isBigEndian: true);
        var rhs = Mod(BigInteger.ModPow(x, 3, p) - 3 * x + b, p);
        var y = BigInteger.ModPow(rhs, (p + 1) / 4, p);
        if (BigInteger.ModPow(y, 2, p) != rhs) throw new ArgumentException("x is not on the curve");
        if ((int)(y % 2) != (compressed[0] & 1)) y = p - y;
        var ecdsa = ECDsa.Create();
        ecdsa.ImportParameters(new ECParameters { Curve = curve, Q = new ECPoint { X = Fixed(x, size), Y = Fixed(y, size) } });
        return ecdsa;
    }

    private static BigInteger Mod(BigInteger v, BigInteger p) => ((v % p) + p) % p;

    private static byte[] Fixed(BigInteger v, int size)
    {
        var raw = v.ToByteArray(isUnsigned: true, isBigEndian: true);
        var result = new byte[size];
        raw.CopyTo(result, size - raw.Length);
        return result;
    }

    private static BigInteger Parse(string hex) => new(Convert.FromHexString(hex), isUnsigned: true, isBigEndian: true);
}
