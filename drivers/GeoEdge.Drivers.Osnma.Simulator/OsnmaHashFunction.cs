using System.Security.Cryptography;

namespace GeoEdge.Drivers.Osnma.Simulator;

/// <summary>The TESLA chain hash (DSM-KROOT field HF, OSNMA SIS ICD 1.1 Table 8); the value is the field code.</summary>
public enum OsnmaHashFunction
{
    Sha256 = 0,
    Sha3_256 = 2,
}

public static class OsnmaHash
{
    /// <summary>SHA3-256 rides on the platform's crypto library (OpenSSL 1.1.1+ on Linux), so it may be missing.</summary>
    public static bool IsSupported(OsnmaHashFunction function) => function switch
    {
        OsnmaHashFunction.Sha256 => true,
        OsnmaHashFunction.Sha3_256 => SHA3_256.IsSupported,
        _ => false,
    };

    public static byte[] Compute(OsnmaHashFunction function, ReadOnlySpan<byte> data) => function switch
    {
        OsnmaHashFunction.Sha256 => SHA256.HashData(data),
        OsnmaHashFunction.Sha3_256 when SHA3_256.IsSupported => SHA3_256.HashData(data),
        OsnmaHashFunction.Sha3_256 => throw new PlatformNotSupportedException("SHA3-256 is not available from this platform's crypto library."),
        _ => throw new ArgumentOutOfRangeException(nameof(function), function, "not an OSNMA hash function"),
    };
}
