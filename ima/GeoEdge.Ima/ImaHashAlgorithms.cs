using System.Security.Cryptography;

namespace GeoEdge.Ima;

/// <summary>
/// The kernel's hash algorithms, in the order of its enum hash_algo (include/uapi/linux/hash_info.h): the position is
/// the byte an ima-sig signature header carries, the name is what a d-ng field carries ("sha256:"), the size is how
/// long the digest must be.
/// </summary>
internal static class ImaHashAlgorithms
{
    private static readonly (string Name, int Size)[] Kernel =
    [
        ("md4", 16), ("md5", 16), ("sha1", 20), ("rmd160", 20), ("sha256", 32), ("sha384", 48), ("sha512", 64),
        ("sha224", 28), ("rmd128", 16), ("rmd256", 32), ("rmd320", 40), ("wp256", 32), ("wp384", 48), ("wp512", 64),
        ("tgr128", 16), ("tgr160", 20), ("tgr192", 24), ("sm3", 32), ("streebog256", 32), ("streebog512", 64),
        ("sha3-256", 32), ("sha3-384", 48), ("sha3-512", 64),
    ];

    /// <summary>The digest size of a kernel algorithm name, or null when the kernel has no such algorithm.</summary>
    public static int? DigestSize(string name)
    {
        foreach (var (n, size) in Kernel)
            if (n == name) return size;
        return null;
    }

    /// <summary>The name for the hash_algo byte of a signature header, or null when out of range.</summary>
    public static string? NameOf(byte kernelId) => kernelId < Kernel.Length ? Kernel[kernelId].Name : null;

    /// <summary>The .NET name for verifying a signature over a digest of this algorithm, when .NET can.</summary>
    public static HashAlgorithmName? ForSignature(string name) => name switch
    {
        "sha1" => HashAlgorithmName.SHA1,
        "sha256" => HashAlgorithmName.SHA256,
        "sha384" => HashAlgorithmName.SHA384,
        "sha512" => HashAlgorithmName.SHA512,
        _ => null,
    };

    /// <summary>Hashes with a PCR bank's algorithm ("sha1" or "sha256").</summary>
    public static byte[] Bank(string bank, ReadOnlySpan<byte> data) => bank switch
    {
        "sha1" => SHA1.HashData(data),
        "sha256" => SHA256.HashData(data),
        "sha384" => SHA384.HashData(data),
        "sha512" => SHA512.HashData(data),
        _ => throw new ArgumentException($"unsupported PCR bank '{bank}' (sha1, sha256, sha384 or sha512)", nameof(bank)),
    };

    public static int BankSize(string bank) => bank switch
    {
        "sha1" => 20,
        "sha256" => 32,
        "sha384" => 48,
        "sha512" => 64,
        _ => throw new ArgumentException($"unsupported PCR bank '{bank}' (sha1, sha256, sha384 or sha512)", nameof(bank)),
    };
}
