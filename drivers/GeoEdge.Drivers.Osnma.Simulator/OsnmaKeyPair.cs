using System.Security.Cryptography;

namespace GeoEdge.Drivers.Osnma.Simulator;

/// <summary>
/// One OSNMA signing key: ECDSA P-256/SHA-256 or P-521/SHA-512 with its public key ID (PKID 0..15).
/// The public half goes on the air as a SEC1 compressed point; DSM-KROOT signatures are r || s with fixed-size
/// fields (IEEE P1363), which is the DS field layout. Dispose to drop the private key.
/// </summary>
public sealed class OsnmaKeyPair : IDisposable
{
    private readonly ECDsa _ecdsa;

    private OsnmaKeyPair(ECDsa ecdsa, OsnmaPublicKeyType type, int publicKeyId)
    {
        _ecdsa = ecdsa;
        Type = type;
        PublicKeyId = publicKeyId;
        CompressedPoint = Compress(ecdsa.ExportParameters(false));
    }

    public OsnmaPublicKeyType Type { get; }
    public int PublicKeyId { get; }

    /// <summary>0x02/0x03 (parity of y) || x, 33 bytes for P-256 and 67 for P-521.</summary>
    public byte[] CompressedPoint { get; }

    public HashAlgorithmName SignatureHash => Type == OsnmaPublicKeyType.EcdsaP256 ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA512;

    public static OsnmaKeyPair Generate(OsnmaPublicKeyType type, int publicKeyId)
    {
        if (publicKeyId is < 0 or > 15) throw new ArgumentOutOfRangeException(nameof(publicKeyId), publicKeyId, "PKID is 4 bits");
        var curve = type switch
        {
            OsnmaPublicKeyType.EcdsaP256 => ECCurve.NamedCurves.nistP256,
            OsnmaPublicKeyType.EcdsaP521 => ECCurve.NamedCurves.nistP521,
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "only ECDSA keys sign"),
        };
        return new OsnmaKeyPair(ECDsa.Create(curve), type, publicKeyId);
    }

    /// <summary>r || s over <paramref name="message"/> with the key's hash (SHA-256 or SHA-512).</summary>
    public byte[] Sign(ReadOnlySpan<byte> message) =>
        _ecdsa.SignData(message, SignatureHash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    /// <summary>A verifier-side ECDsa holding only the public key, for tests that check signatures independently.</summary>
    public ECDsa ExportPublicKey()
    {
        var verifier = ECDsa.Create();
        verifier.ImportParameters(_ecdsa.ExportParameters(false));
        return verifier;
    }

    public void Dispose() => _ecdsa.Dispose();

    private static byte[] Compress(ECParameters parameters)
    {
        var x = parameters.Q.X ?? throw new CryptographicException("EC key without an X coordinate");
        var y = parameters.Q.Y ?? throw new CryptographicException("EC key without a Y coordinate");
        var point = new byte[1 + x.Length];
        point[0] = (byte)((y[^1] & 1) == 0 ? 0x02 : 0x03);
        x.CopyTo(point, 1);
        return point;
    }
}
