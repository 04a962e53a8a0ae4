using System.Security.Cryptography;

namespace GeoEdge.Wire.Tpm2;

/// <summary>
/// RSAES-OAEP encryption (RFC 8017, 7.1.1) with a label. The TPM's secret sharing labels the
/// encryption ("IDENTITY\0" for credentials, Part 1, Annex B and 24) and .NET's OAEP has no label,
/// so EME-OAEP is encoded here and the public operation applied.
/// </summary>
internal static class RsaOaep
{
    public static byte[] Encrypt(TpmRsaDetail key, TpmAlgId hashAlg, ReadOnlySpan<byte> label, ReadOnlySpan<byte> message)
    {
        var hash = TpmHash.Name(hashAlg);
        var hLen = TpmHash.DigestSize(hashAlg);
        var k = key.Modulus.Length;
        if (message.Length > k - 2 * hLen - 2)
            throw new ArgumentException($"{message.Length} bytes do not fit OAEP-{hashAlg} under a {k * 8}-bit key", nameof(message));

        // EM = 0x00 || maskedSeed || maskedDB, DB = lHash || PS (zeros) || 0x01 || M
        var em = new byte[k];
        var seed = em.AsSpan(1, hLen);
        var db = em.AsSpan(1 + hLen);
        TpmHash.Hash(hashAlg, label).CopyTo(db);
        db[db.Length - message.Length - 1] = 0x01;
        message.CopyTo(db[^message.Length..]);
        RandomNumberGenerator.Fill(seed);
        Mgf1.XorMask(hash, seed, db);
        Mgf1.XorMask(hash, db, seed);
        var ciphertext = RsaPublicOperation.Apply(key.Modulus, key.Exponent, em)
            ?? throw new CryptographicException("OAEP encoding is not below the modulus (a malformed modulus)");
        CryptographicOperations.ZeroMemory(em);
        return ciphertext;
    }
}
