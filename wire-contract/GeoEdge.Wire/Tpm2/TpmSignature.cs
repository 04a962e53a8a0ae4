using System.Security.Cryptography;

namespace GeoEdge.Wire.Tpm2;

/// <summary>
/// TPMT_SIGNATURE (Part 2, 11.3.4) for the schemes an AK signs with: RSASSA and RSAPSS
/// (TPMS_SIGNATURE_RSA) and ECDSA (TPMS_SIGNATURE_ECC with r and s).
/// </summary>
public sealed class TpmSignature
{
    private const string Structure = "TPMT_SIGNATURE";

    public TpmAlgId SigAlg { get; }
    public TpmAlgId Hash { get; }

    /// <summary>The RSA signature (modulus-sized), for RSASSA and RSAPSS.</summary>
    public byte[]? RsaSignature { get; }

    /// <summary>ECDSA r and s as marshalled (big-endian, leading zeros possibly dropped).</summary>
    public byte[]? EcdsaR { get; }
    public byte[]? EcdsaS { get; }

    public static TpmSignature Parse(ReadOnlySpan<byte> data)
    {
        var reader = new TpmReader(data, Structure);
        var signature = new TpmSignature(ref reader);
        reader.EnsureEnd();
        return signature;
    }

    private TpmSignature(ref TpmReader reader)
    {
        SigAlg = reader.Alg("sigAlg");
        switch (SigAlg)
        {
            case TpmAlgId.RsaSsa or TpmAlgId.RsaPss:
                Hash = ReadHash(ref reader, "signature.rsa.hash");
                RsaSignature = reader.Sized("signature.rsa.sig", TpmRsaDetail.MaxModulusBytes).ToArray();
                break;
            case TpmAlgId.EcDsa:
                Hash = ReadHash(ref reader, "signature.ecdsa.hash");
                EcdsaR = reader.Sized("signature.ecdsa.signatureR", TpmEccDetail.MaxParameterBytes).ToArray();
                EcdsaS = reader.Sized("signature.ecdsa.signatureS", TpmEccDetail.MaxParameterBytes).ToArray();
                break;
            case TpmAlgId.Null:
                throw reader.Fail("sigAlg", "TPM_ALG_NULL: the attestation is unsigned");
            default:
                throw reader.Fail("sigAlg", $"{TpmHash.Describe(SigAlg)} is not a supported signature scheme (RSASSA, RSAPSS, ECDSA are)");
        }
    }

    private static TpmAlgId ReadHash(ref TpmReader reader, string field)
    {
        var hash = reader.Alg(field);
        TpmHash.Require(hash, reader.Structure, field);
        return hash;
    }

    /// <summary>
    /// True when this signature over <paramref name="message"/> (e.g. the TPMS_ATTEST bytes) verifies
    /// with <paramref name="key"/>. The message is hashed with the signature's hash. A key whose
    /// own scheme is set must match the signature's scheme and hash, as the TPM enforces when
    /// signing, so a signature of another kind is refused rather than accepted.
    /// </summary>
    /// <exception cref="TpmFormatException">The key cannot be used (unsupported curve, empty key).</exception>
    public bool Verify(TpmPublic key, ReadOnlySpan<byte> message)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Scheme != TpmAlgId.Null && (key.Scheme != SigAlg || key.SchemeHash != Hash)) return false;
        var digest = TpmHash.Hash(Hash, message);
        return SigAlg switch
        {
            TpmAlgId.RsaSsa => key.Rsa is not null && VerifyRsaSsa(key, digest),
            TpmAlgId.RsaPss => key.Rsa is not null && RsaPss.Verify(key.Rsa, Hash, digest, RsaSignature!),
            TpmAlgId.EcDsa => key.Ecc is not null && VerifyEcdsa(key, digest),
            _ => false,
        };
    }

    private bool VerifyRsaSsa(TpmPublic key, byte[] digest)
    {
        using var rsa = key.ExportRSA();
        return rsa.VerifyHash(digest, RsaSignature!, TpmHash.Name(Hash), RSASignaturePadding.Pkcs1);
    }

    private bool VerifyEcdsa(TpmPublic key, byte[] digest)
    {
        var size = TpmEccDetail.CoordinateSize(key.Ecc!.Curve);
        var r = EcdsaR.AsSpan().TrimStart((byte)0);
        var s = EcdsaS.AsSpan().TrimStart((byte)0);
        if (size == 0 || r.Length > size || s.Length > size) return false;
        // IEEE P1363 form: r and s each left-padded to the curve's coordinate size.
        var p1363 = new byte[2 * size];
        r.CopyTo(p1363.AsSpan(size - r.Length, r.Length));
        s.CopyTo(p1363.AsSpan(2 * size - s.Length, s.Length));
        using var ecdsa = key.ExportECDsa();
        return ecdsa.VerifyHash(digest, p1363, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }
}
