using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GeoEdge.Ima;

/// <summary>
/// One IMA signature verification key: RSA or EC, and its keyid as the kernel and evmctl compute it (the last four
/// bytes of SHA-1 over the DER subjectPublicKey: PKCS#1 RSAPublicKey, or the X9.62 point), unless a certificate's
/// Subject Key Identifier gives it. Only the public part is ever kept.
/// </summary>
internal sealed class ImaPublicKey
{
    private readonly object _gate = new();
    private readonly AsymmetricAlgorithm _key;

    private ImaPublicKey(AsymmetricAlgorithm key, uint keyId, string description)
    {
        _key = key;
        KeyId = keyId;
        Description = description;
    }

    public uint KeyId { get; }

    /// <summary>"RSA-2048", "EC secp256k1", ...</summary>
    public string Description { get; }

    public byte[] SubjectPublicKeyInfo => _key.ExportSubjectPublicKeyInfo();

    /// <summary>From a DER SubjectPublicKeyInfo; null when it is neither RSA nor EC.</summary>
    public static ImaPublicKey? FromSubjectPublicKeyInfo(ReadOnlySpan<byte> spki, uint? keyId = null)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportSubjectPublicKeyInfo(spki, out var read);
            if (read == spki.Length) return FromRsa(rsa, keyId);
        }
        catch (CryptographicException)
        {
        }
        rsa.Dispose();
        var ec = ECDsa.Create();
        try
        {
            ec.ImportSubjectPublicKeyInfo(spki, out var read);
            if (read == spki.Length) return FromEc(ec, keyId);
        }
        catch (CryptographicException)
        {
        }
        ec.Dispose();
        return null;
    }

    /// <summary>The certificate's key; its keyid from the Subject Key Identifier when present (Keylime's rule).</summary>
    public static ImaPublicKey FromCertificate(X509Certificate2 certificate)
    {
        uint? keyId = null;
        foreach (var extension in certificate.Extensions)
            if (extension is X509SubjectKeyIdentifierExtension ski && ski.SubjectKeyIdentifierBytes.Length >= 4)
                keyId = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(ski.SubjectKeyIdentifierBytes.Span[^4..]);
        return FromSubjectPublicKeyInfo(certificate.PublicKey.ExportSubjectPublicKeyInfo(), keyId)
            ?? throw new ImaKeyException($"certificate '{certificate.Subject}' has a {certificate.PublicKey.Oid.FriendlyName ?? certificate.PublicKey.Oid.Value} key; IMA signatures are RSA or ECDSA");
    }

    public static ImaPublicKey FromRsa(RSA rsa, uint? keyId = null)
    {
        // Keep a public-only copy: the caller may have handed a private key.
        var publicOnly = RSA.Create();
        publicOnly.ImportSubjectPublicKeyInfo(rsa.ExportSubjectPublicKeyInfo(), out _);
        var id = keyId ?? KeyIdOf(publicOnly.ExportRSAPublicKey());
        return new ImaPublicKey(publicOnly, id, $"RSA-{publicOnly.KeySize}");
    }

    public static ImaPublicKey FromEc(ECDsa ec, uint? keyId = null)
    {
        var publicOnly = ECDsa.Create();
        publicOnly.ImportSubjectPublicKeyInfo(ec.ExportSubjectPublicKeyInfo(), out _);
        var p = publicOnly.ExportParameters(false);
        var point = new byte[1 + p.Q.X!.Length + p.Q.Y!.Length];
        point[0] = 0x04;
        p.Q.X.CopyTo(point, 1);
        p.Q.Y.CopyTo(point, 1 + p.Q.X.Length);
        var curve = p.Curve.Oid?.Value switch
        {
            "1.3.132.0.10" => "secp256k1",
            "1.2.840.10045.3.1.7" => "P-256",
            "1.3.132.0.34" => "P-384",
            "1.3.132.0.35" => "P-521",
            var other => p.Curve.Oid?.FriendlyName ?? other ?? "curve",
        };
        return new ImaPublicKey(publicOnly, keyId ?? KeyIdOf(point), $"EC {curve}");
    }

    private static uint KeyIdOf(ReadOnlySpan<byte> subjectPublicKey) =>
        System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(SHA1.HashData(subjectPublicKey).AsSpan(16));

    /// <summary>Verifies a signature over a digest. OpenSSL key handles are not documented as thread-safe, hence the lock.</summary>
    public bool VerifyDigest(ReadOnlySpan<byte> digest, ReadOnlySpan<byte> signature, HashAlgorithmName hash)
    {
        lock (_gate)
        {
            try
            {
                return _key switch
                {
                    RSA rsa => rsa.VerifyHash(digest, signature, hash, RSASignaturePadding.Pkcs1),
                    ECDsa ec => ec.VerifyHash(digest, signature, DSASignatureFormat.Rfc3279DerSequence),
                    _ => false,
                };
            }
            catch (CryptographicException)
            {
                return false;
            }
        }
    }

    public override string ToString() => $"0x{KeyId:x8} ({Description})";
}
