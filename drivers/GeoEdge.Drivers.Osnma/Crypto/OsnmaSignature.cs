using System.Security.Cryptography;

namespace GeoEdge.Drivers.Osnma.Crypto;

/// <summary>ECDSA verification of DSM-KROOT signatures: P-256 with SHA-256, P-521 with SHA-512, signature r||s.</summary>
internal static class OsnmaSignature
{
    public static bool Verify(ECDsa key, OsnmaKeyType type, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != OsnmaKeyTypes.SignatureBytes(type)) return false;
        var hash = type == OsnmaKeyType.EcdsaP256 ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA512;
        try
        {
            return key.VerifyData(message, signature, hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    public static ECDsa Import(OsnmaKeyType type, ReadOnlySpan<byte> compressedPoint)
    {
        var parameters = EcPointDecompressor.Decompress(type, compressedPoint);
        var key = ECDsa.Create();
        try
        {
            key.ImportParameters(parameters);
            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }
}
