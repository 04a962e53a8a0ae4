using System.Security.Cryptography;

namespace GeoEdge.Drivers.Osnma.Simulator;

/// <summary>The tag MAC (DSM-KROOT field MF, OSNMA SIS ICD 1.1 Table 9); the value is the field code.</summary>
public enum OsnmaMacFunction
{
    HmacSha256 = 0,
    CmacAes = 1,
}

public static class OsnmaMac
{
    /// <summary>The full MAC (32 bytes HMAC, 16 bytes CMAC); the ICD truncates it to the tag length.</summary>
    public static byte[] Compute(OsnmaMacFunction function, ReadOnlySpan<byte> key, ReadOnlySpan<byte> message) => function switch
    {
        OsnmaMacFunction.HmacSha256 => HMACSHA256.HashData(key, message),
        OsnmaMacFunction.CmacAes => AesCmac.Compute(key, message),
        _ => throw new ArgumentOutOfRangeException(nameof(function), function, "not an OSNMA MAC function"),
    };

    /// <summary>The first <paramref name="bitCount"/> bits of the MAC as an integer (tags are at most 40 bits, MACSEQ 12).</summary>
    public static ulong Truncated(OsnmaMacFunction function, ReadOnlySpan<byte> key, ReadOnlySpan<byte> message, int bitCount)
    {
        if (bitCount is < 1 or > 64) throw new ArgumentOutOfRangeException(nameof(bitCount));
        return MsbBitReader.Read(Compute(function, key, message), 0, bitCount);
    }
}
