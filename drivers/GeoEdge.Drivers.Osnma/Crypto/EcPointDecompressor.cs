using System.Numerics;
using System.Security.Cryptography;

namespace GeoEdge.Drivers.Osnma.Crypto;

/// <summary>
/// SEC1 compressed points (0x02/0x03 || X) to (X, Y) for P-256 and P-521: ECDsa.ImportParameters needs both
/// coordinates. Y = sqrt(X^3 - 3X + b) mod p; both primes are 3 mod 4, so sqrt(a) = a^((p+1)/4), and the
/// prefix says whether Y is even (0x02) or odd (0x03). A point not on the curve is refused.
/// </summary>
internal static class EcPointDecompressor
{
    private sealed record Curve(ECCurve Named, int FieldBytes, BigInteger P, BigInteger B);

    private static readonly Curve P256 = new(ECCurve.NamedCurves.nistP256, 32,
        Hex("FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF"),
        Hex("5AC635D8AA3A93E7B3EBBD55769886BC651D06B0CC53B0F63BCE3C3E27D2604B"));

    private static readonly Curve P521 = new(ECCurve.NamedCurves.nistP521, 66,
        (BigInteger.One << 521) - 1,
        Hex("0051953EB9618E1C9A1F929A21A0B68540EEA2DA725B99B315F3B8B489918EF109E156193951EC7E937B1652C0BD3BB1BF073573DF883D2C34F1EF451FD46B503F00"));

    /// <summary>ECParameters with the full public point, or an exception naming what is wrong with the encoding.</summary>
    public static ECParameters Decompress(OsnmaKeyType type, ReadOnlySpan<byte> compressed)
    {
        var curve = type switch
        {
            OsnmaKeyType.EcdsaP256 => P256,
            OsnmaKeyType.EcdsaP521 => P521,
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not an ECDSA key type"),
        };
        if (compressed.Length != curve.FieldBytes + 1)
            throw new CryptographicException($"a compressed {type} point is {curve.FieldBytes + 1} bytes, got {compressed.Length}");
        var prefix = compressed[0];
        if (prefix is not (0x02 or 0x03))
            throw new CryptographicException($"compressed point prefix 0x{prefix:X2} is not 0x02 or 0x03");
        var x = new BigInteger(compressed[1..], isUnsigned: true, isBigEndian: true);
        if (x >= curve.P) throw new CryptographicException("point X is not below the field prime");

        var rhs = Mod(BigInteger.ModPow(x, 3, curve.P) - 3 * x + curve.B, curve.P);
        var y = BigInteger.ModPow(rhs, (curve.P + 1) / 4, curve.P);
        if (BigInteger.ModPow(y, 2, curve.P) != rhs) throw new CryptographicException("point is not on the curve");
        if (y.IsEven != (prefix == 0x02)) y = curve.P - y;

        return new ECParameters
        {
            Curve = curve.Named,
            Q = new ECPoint { X = Fixed(x, curve.FieldBytes), Y = Fixed(y, curve.FieldBytes) },
        };
    }

    private static BigInteger Mod(BigInteger value, BigInteger p)
    {
        var r = value % p;
        return r.Sign < 0 ? r + p : r;
    }

    private static byte[] Fixed(BigInteger value, int length)
    {
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var result = new byte[length];
        bytes.CopyTo(result, length - bytes.Length);
        return result;
    }

    private static BigInteger Hex(string hex) => new(Convert.FromHexString(hex), isUnsigned: true, isBigEndian: true);
}
