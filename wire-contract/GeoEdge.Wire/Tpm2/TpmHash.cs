using System.Security.Cryptography;

namespace GeoEdge.Wire.Tpm2;

/// <summary>The TPM hash algorithms .NET provides, and their digest sizes.</summary>
public static class TpmHash
{
    public static bool IsSupported(TpmAlgId alg) =>
        alg is TpmAlgId.Sha1 or TpmAlgId.Sha256 or TpmAlgId.Sha384 or TpmAlgId.Sha512;

    /// <summary>The .NET name for a TPM hash; ArgumentException for anything else.</summary>
    public static HashAlgorithmName Name(TpmAlgId alg) => alg switch
    {
        TpmAlgId.Sha1 => HashAlgorithmName.SHA1,
        TpmAlgId.Sha256 => HashAlgorithmName.SHA256,
        TpmAlgId.Sha384 => HashAlgorithmName.SHA384,
        TpmAlgId.Sha512 => HashAlgorithmName.SHA512,
        _ => throw new ArgumentException($"{alg} (0x{(ushort)alg:x4}) is not a supported hash algorithm", nameof(alg)),
    };

    public static int DigestSize(TpmAlgId alg) => alg switch
    {
        TpmAlgId.Sha1 => 20,
        TpmAlgId.Sha256 => 32,
        TpmAlgId.Sha384 => 48,
        TpmAlgId.Sha512 => 64,
        _ => throw new ArgumentException($"{alg} (0x{(ushort)alg:x4}) is not a supported hash algorithm", nameof(alg)),
    };

    public static byte[] Hash(TpmAlgId alg, ReadOnlySpan<byte> data)
    {
        using var hash = IncrementalHash.CreateHash(Name(alg));
        hash.AppendData(data);
        return hash.GetHashAndReset();
    }

    public static byte[] Hmac(TpmAlgId alg, ReadOnlySpan<byte> key, ReadOnlySpan<byte> data)
    {
        using var hmac = IncrementalHash.CreateHMAC(Name(alg), key);
        hmac.AppendData(data);
        return hmac.GetHashAndReset();
    }

    /// <summary>Checks that a hash algorithm read from a structure is usable, or names the field.</summary>
    internal static void Require(TpmAlgId alg, string structure, string field)
    {
        if (!IsSupported(alg))
            throw new TpmFormatException(structure, field, $"hash algorithm {Describe(alg)} is not supported (SHA1, SHA256, SHA384, SHA512 are)");
    }

    internal static string Describe(TpmAlgId alg) =>
        Enum.IsDefined(alg) ? $"TPM_ALG_{alg.ToString().ToUpperInvariant()} (0x{(ushort)alg:x4})" : $"0x{(ushort)alg:x4}";
}
