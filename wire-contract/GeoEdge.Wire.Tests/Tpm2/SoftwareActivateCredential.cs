using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using GeoEdge.Wire.Tpm2;

namespace GeoEdge.Wire.Tests.Tpm2;

/// <summary>The HMAC over the credential blob did not match: what a TPM reports as TPM_RC_INTEGRITY.</summary>
internal sealed class CredentialIntegrityException(string message) : Exception(message);

/// <summary>
/// The TPM side of TPM2_ActivateCredential in test code, deliberately built from .NET's own
/// primitives (SP800108HmacCounterKdf for KDFa, DeriveKeyFromHash for KDFe, AES-CFB decryption,
/// a separate OAEP decoder) rather than the library's, so a round trip checks one against the other.
/// </summary>
internal static class SoftwareActivateCredential
{
    private static readonly byte[] Identity = Encoding.ASCII.GetBytes("IDENTITY\0");

    public static byte[] WithRsa(RSA ekPrivate, HashAlgorithmName nameAlg, ushort aesBits, byte[] objectName, MakeCredentialResult made)
    {
        var ciphertext = UnwrapSized(made.Secret);
        var p = ekPrivate.ExportParameters(true);
        var m = BigInteger.ModPow(
            new BigInteger(ciphertext, isUnsigned: true, isBigEndian: true),
            new BigInteger(p.D, isUnsigned: true, isBigEndian: true),
            new BigInteger(p.Modulus, isUnsigned: true, isBigEndian: true));
        var em = new byte[p.Modulus!.Length];
        var encoded = m.ToByteArray(isUnsigned: true, isBigEndian: true);
        encoded.CopyTo(em, em.Length - encoded.Length);
        var seed = OaepDecode(em, nameAlg, Identity);
        return Unprotect(seed, nameAlg, aesBits, objectName, made.CredentialBlob);
    }

    public static byte[] WithEcc(ECDiffieHellman ekPrivate, HashAlgorithmName nameAlg, ushort aesBits, byte[] objectName, MakeCredentialResult made)
    {
        var point = UnwrapSized(made.Secret);
        var xLength = BinaryPrimitives.ReadUInt16BigEndian(point);
        var x = point.AsSpan(2, xLength).ToArray();
        var y = point.AsSpan(4 + xLength).ToArray();
        Assert.Equal(y.Length, BinaryPrimitives.ReadUInt16BigEndian(point.AsSpan(2 + xLength)));
        var curve = ekPrivate.ExportParameters(false);
        using var ephemeral = ECDiffieHellman.Create(new ECParameters { Curve = curve.Curve, Q = new ECPoint { X = x, Y = y } });

        // KDFe's one-block output: H([1]_32 || Z || "IDENTITY\0" || ephemeral.x || ek.x), which is
        // exactly what DeriveKeyFromHash computes with the counter prepended and the rest appended.
        var seed = ekPrivate.DeriveKeyFromHash(ephemeral.PublicKey, nameAlg,
            secretPrepend: [0, 0, 0, 1], secretAppend: [.. Identity, .. x, .. curve.Q.X!]);
        return Unprotect(seed, nameAlg, aesBits, objectName, made.CredentialBlob);
    }

    private static byte[] Unprotect(byte[] seed, HashAlgorithmName nameAlg, ushort aesBits, byte[] objectName, byte[] credentialBlob)
    {
        var idObject = UnwrapSized(credentialBlob);
        var hmacLength = BinaryPrimitives.ReadUInt16BigEndian(idObject);
        var integrity = idObject.AsSpan(2, hmacLength).ToArray();
        var encIdentity = idObject.AsSpan(2 + hmacLength).ToArray();

        var hmacKey = SP800108HmacCounterKdf.DeriveBytes(seed, nameAlg, Encoding.ASCII.GetBytes("INTEGRITY"), Array.Empty<byte>(), integrity.Length);
        var expected = HMAC(nameAlg, hmacKey, [.. encIdentity, .. objectName]);
        if (!expected.AsSpan().SequenceEqual(integrity))
            throw new CredentialIntegrityException("integrity HMAC mismatch");

        var symKey = SP800108HmacCounterKdf.DeriveBytes(seed, nameAlg, Encoding.ASCII.GetBytes("STORAGE"), objectName, aesBits / 8);
        using var aes = Aes.Create();
        aes.Key = symKey;
        // Full-block CFB: decrypting a zero-padded last block and truncating gives the partial block's plaintext.
        var padded = new byte[(encIdentity.Length + 15) / 16 * 16];
        encIdentity.CopyTo(padded, 0);
        var plain = aes.DecryptCfb(padded, new byte[16], PaddingMode.None, feedbackSizeInBits: 128).AsSpan(0, encIdentity.Length);
        var size = BinaryPrimitives.ReadUInt16BigEndian(plain);
        Assert.Equal(plain.Length - 2, size);
        return plain[2..].ToArray();
    }

    private static byte[] HMAC(HashAlgorithmName hash, byte[] key, byte[] data)
    {
        using var hmac = IncrementalHash.CreateHMAC(hash, key);
        hmac.AppendData(data);
        return hmac.GetHashAndReset();
    }

    private static byte[] UnwrapSized(byte[] tpm2b)
    {
        Assert.Equal(tpm2b.Length - 2, BinaryPrimitives.ReadUInt16BigEndian(tpm2b));
        return tpm2b[2..];
    }

    /// <summary>EME-OAEP decoding (RFC 8017, 7.1.2 step 3) with a label.</summary>
    private static byte[] OaepDecode(byte[] em, HashAlgorithmName hash, byte[] label)
    {
        using var h = IncrementalHash.CreateHash(hash);
        h.AppendData(label);
        var lHash = h.GetHashAndReset();
        var hLen = lHash.Length;
        if (em[0] != 0) throw new CryptographicException("OAEP: leading byte not zero");
        var seed = em.AsSpan(1, hLen).ToArray();
        var db = em.AsSpan(1 + hLen).ToArray();
        Xor(seed, Mgf(hash, db, hLen));
        Xor(db, Mgf(hash, seed, db.Length));
        if (!db.AsSpan(0, hLen).SequenceEqual(lHash)) throw new CryptographicException("OAEP: label hash mismatch");
        var one = db.AsSpan(hLen).IndexOfAnyExcept((byte)0) + hLen;
        if (one < hLen || db[one] != 1) throw new CryptographicException("OAEP: no 0x01 separator");
        return db[(one + 1)..];
    }

    private static byte[] Mgf(HashAlgorithmName hash, byte[] seed, int length)
    {
        var output = new List<byte>();
        for (uint counter = 0; output.Count < length; counter++)
        {
            var c = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(c, counter);
            using var h = IncrementalHash.CreateHash(hash);
            h.AppendData([.. seed, .. c]);
            output.AddRange(h.GetHashAndReset());
        }
        return output.Take(length).ToArray();
    }

    private static void Xor(byte[] target, byte[] mask)
    {
        for (var i = 0; i < target.Length; i++) target[i] ^= mask[i];
    }
}
