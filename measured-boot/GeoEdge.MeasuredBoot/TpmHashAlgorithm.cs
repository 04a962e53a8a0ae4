using System.Security.Cryptography;

namespace GeoEdge.MeasuredBoot;

/// <summary>The TPM_ALG_ID of a PCR bank, as event logs name them (TPM 2.0 Part 2, table 9).</summary>
public enum TpmHashAlgorithm : ushort
{
    Sha1 = 0x0004,
    Sha256 = 0x000B,
    Sha384 = 0x000C,
    Sha512 = 0x000D,
    Sm3_256 = 0x0012,
}

public static class TpmHashAlgorithms
{
    /// <summary>The banks this library can replay, in the order reports list them.</summary>
    public static IReadOnlyList<TpmHashAlgorithm> Supported { get; } =
        [TpmHashAlgorithm.Sha1, TpmHashAlgorithm.Sha256, TpmHashAlgorithm.Sha384, TpmHashAlgorithm.Sha512];

    public static int DigestSize(this TpmHashAlgorithm algorithm) => algorithm switch
    {
        TpmHashAlgorithm.Sha1 => 20,
        TpmHashAlgorithm.Sha256 or TpmHashAlgorithm.Sm3_256 => 32,
        TpmHashAlgorithm.Sha384 => 48,
        TpmHashAlgorithm.Sha512 => 64,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "not a known hash algorithm"),
    };

    /// <summary>The lower-case name used in reports and policies ("sha256").</summary>
    public static string Name(this TpmHashAlgorithm algorithm) => algorithm switch
    {
        TpmHashAlgorithm.Sha1 => "sha1",
        TpmHashAlgorithm.Sha256 => "sha256",
        TpmHashAlgorithm.Sha384 => "sha384",
        TpmHashAlgorithm.Sha512 => "sha512",
        TpmHashAlgorithm.Sm3_256 => "sm3_256",
        _ => $"alg-0x{(ushort)algorithm:x4}",
    };

    public static bool TryParse(string name, out TpmHashAlgorithm algorithm)
    {
        foreach (var candidate in (TpmHashAlgorithm[])[.. Supported, TpmHashAlgorithm.Sm3_256])
        {
            if (string.Equals(candidate.Name(), name, StringComparison.OrdinalIgnoreCase))
            {
                algorithm = candidate;
                return true;
            }
        }
        algorithm = default;
        return false;
    }

    public static bool IsKnown(ushort id) => Enum.IsDefined((TpmHashAlgorithm)id);

    /// <summary>The hash of <paramref name="data"/> with this algorithm (SM3 is not available: it throws).</summary>
    public static byte[] Hash(this TpmHashAlgorithm algorithm, ReadOnlySpan<byte> data) => algorithm switch
    {
        TpmHashAlgorithm.Sha1 => SHA1.HashData(data),
        TpmHashAlgorithm.Sha256 => SHA256.HashData(data),
        TpmHashAlgorithm.Sha384 => SHA384.HashData(data),
        TpmHashAlgorithm.Sha512 => SHA512.HashData(data),
        _ => throw new NotSupportedException($"{algorithm.Name()} is not available on this platform"),
    };

    /// <summary>PCR extend: new = H(old || digest).</summary>
    public static byte[] Extend(this TpmHashAlgorithm algorithm, ReadOnlySpan<byte> current, ReadOnlySpan<byte> digest)
    {
        Span<byte> joined = stackalloc byte[current.Length + digest.Length];
        current.CopyTo(joined);
        digest.CopyTo(joined[current.Length..]);
        return algorithm.Hash(joined);
    }
}
