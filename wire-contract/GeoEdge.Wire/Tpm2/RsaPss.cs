using System.Security.Cryptography;

namespace GeoEdge.Wire.Tpm2;

/// <summary>
/// RSASSA-PSS verification (RFC 8017, 8.1.2 and EMSA-PSS-VERIFY 9.1.2) that recovers the salt
/// length from the encoding: TPMs built to older Library revisions sign with the largest salt
/// that fits, newer ones with a salt as long as the digest, and both must verify.
/// </summary>
internal static class RsaPss
{
    public static bool Verify(TpmRsaDetail key, TpmAlgId hashAlg, ReadOnlySpan<byte> messageHash, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != key.Modulus.Length) return false;
        var em = RsaPublicOperation.Apply(key.Modulus, key.Exponent, signature);
        if (em is null) return false;

        var hash = TpmHash.Name(hashAlg);
        var hLen = TpmHash.DigestSize(hashAlg);
        var emBits = key.KeyBits - 1;
        var emLen = (emBits + 7) / 8;
        // When the modulus bit count is 1 mod 8, EM is one byte shorter and the leading byte must be 0.
        if (emLen < em.Length)
        {
            if (em[0] != 0) return false;
            em = em[1..];
        }
        if (emLen < hLen + 2 || em[^1] != 0xbc) return false;

        var maskedDb = em.AsSpan(0, emLen - hLen - 1);
        var h = em.AsSpan(emLen - hLen - 1, hLen);
        var unusedBits = 8 * emLen - emBits;
        if ((maskedDb[0] & (0xff << (8 - unusedBits)) & 0xff) != 0) return false;

        var db = maskedDb.ToArray();
        Mgf1.XorMask(hash, h, db);
        db[0] &= (byte)(0xff >> unusedBits);
        var separator = db.AsSpan().IndexOfAnyExcept((byte)0);
        if (separator < 0 || db[separator] != 0x01) return false;
        var salt = db.AsSpan(separator + 1);

        using var digest = IncrementalHash.CreateHash(hash);
        digest.AppendData(stackalloc byte[8]);
        digest.AppendData(messageHash);
        digest.AppendData(salt);
        return CryptographicOperations.FixedTimeEquals(digest.GetHashAndReset(), h);
    }
}
