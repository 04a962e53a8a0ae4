using System.Security.Cryptography;

namespace GeoEdge.Drivers.Osnma.Crypto;

/// <summary>The hash and MAC primitives of OSNMA, selected by the chain parameters.</summary>
internal static class OsnmaFunctions
{
    public static bool IsSupported(OsnmaHashFunction hash) => hash switch
    {
        OsnmaHashFunction.Sha256 => true,
        OsnmaHashFunction.Sha3_256 => SHA3_256.IsSupported,
        _ => false,
    };

    /// <summary>Writes the 32-byte digest of <paramref name="message"/> into <paramref name="digest"/>.</summary>
    public static void Hash(OsnmaHashFunction function, ReadOnlySpan<byte> message, Span<byte> digest)
    {
        switch (function)
        {
            case OsnmaHashFunction.Sha256:
                SHA256.HashData(message, digest);
                break;
            case OsnmaHashFunction.Sha3_256:
                SHA3_256.HashData(message, digest);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(function), function, "reserved hash function");
        }
    }

    /// <summary>The full MAC output (32 bytes HMAC-SHA-256, 16 bytes CMAC-AES); callers truncate.</summary>
    public static byte[] Mac(OsnmaMacFunction function, ReadOnlySpan<byte> key, ReadOnlySpan<byte> message) => function switch
    {
        OsnmaMacFunction.HmacSha256 => HMACSHA256.HashData(key, message),
        OsnmaMacFunction.CmacAes => AesCmac.Compute(key, message),
        _ => throw new ArgumentOutOfRangeException(nameof(function), function, "reserved MAC function"),
    };
}
