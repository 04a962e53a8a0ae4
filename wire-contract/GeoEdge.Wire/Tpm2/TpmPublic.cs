using System.Buffers.Binary;

namespace GeoEdge.Wire.Tpm2;

/// <summary>
/// A parsed TPMT_PUBLIC (Part 2, 12.2.4) of an RSA or ECC key: what the bridge needs to check an
/// AK's attributes, verify its signatures, compute its Name and encrypt to an EK.
/// </summary>
public sealed partial class TpmPublic
{
    private const string Tpmt = "TPMT_PUBLIC";

    /// <summary>TPM2B_DIGEST bound (the largest digest, SHA-512).</summary>
    internal const int MaxDigestBytes = 64;

    private readonly byte[] _marshalled;

    public TpmAlgId Type { get; }
    public TpmAlgId NameAlg { get; }
    public TpmObjectAttributes Attributes { get; }
    public byte[] AuthPolicy { get; }
    public TpmSymmetricDefinition Symmetric { get; }

    /// <summary>The key's scheme (RSASSA, RSAPSS, OAEP, ECDSA, ECDH, ... or NULL).</summary>
    public TpmAlgId Scheme { get; }

    /// <summary>The scheme's hash, <see cref="TpmAlgId.Null"/> when the scheme has none.</summary>
    public TpmAlgId SchemeHash { get; }

    /// <summary>Set for <see cref="TpmAlgId.Rsa"/> keys.</summary>
    public TpmRsaDetail? Rsa { get; }

    /// <summary>Set for <see cref="TpmAlgId.Ecc"/> keys.</summary>
    public TpmEccDetail? Ecc { get; }

    /// <summary>The exact TPMT_PUBLIC bytes (without a TPM2B size): what the Name hashes.</summary>
    public ReadOnlySpan<byte> Marshalled => _marshalled;

    public bool HasAttributes(TpmObjectAttributes required) => (Attributes & required) == required;

    /// <summary>
    /// Parses a TPM2B_PUBLIC or a bare TPMT_PUBLIC. It is a TPM2B when the first UINT16 equals the
    /// length of the rest; a TPMT_PUBLIC opens with its type (0x0001 or 0x0023), which only a 3- or
    /// 37-byte input could confuse, and no real key is that short. Use <see cref="ParseTpmt"/> or
    /// <see cref="ParseTpm2b"/> when the form is known.
    /// </summary>
    public static TpmPublic Parse(ReadOnlySpan<byte> data) =>
        data.Length >= 2 && BinaryPrimitives.ReadUInt16BigEndian(data) == data.Length - 2
            ? ParseTpm2b(data)
            : ParseTpmt(data);

    public static TpmPublic ParseTpm2b(ReadOnlySpan<byte> data)
    {
        var reader = new TpmReader(data, "TPM2B_PUBLIC");
        var inner = reader.Sized("publicArea", ushort.MaxValue);
        reader.EnsureEnd();
        return ParseTpmt(inner);
    }

    public static TpmPublic ParseTpmt(ReadOnlySpan<byte> data)
    {
        var reader = new TpmReader(data, Tpmt);
        var result = new TpmPublic(ref reader);
        reader.EnsureEnd();
        return result;
    }

    /// <summary>The TPM2B_PUBLIC form (UINT16 size || TPMT_PUBLIC).</summary>
    public byte[] ToTpm2b() => new TpmWriter(_marshalled.Length + 2).Sized(_marshalled).ToArray();

    private TpmPublic(ref TpmReader reader)
    {
        Type = reader.Alg("type");
        if (Type is TpmAlgId.KeyedHash or TpmAlgId.SymCipher)
            throw reader.Fail("type", $"{TpmHash.Describe(Type)} objects are not accepted: only RSA and ECC keys are");
        if (Type is not (TpmAlgId.Rsa or TpmAlgId.Ecc))
            throw reader.Fail("type", $"{TpmHash.Describe(Type)} is not a public key type (RSA or ECC)");
        NameAlg = reader.Alg("nameAlg");
        Attributes = (TpmObjectAttributes)reader.U32("objectAttributes");
        AuthPolicy = reader.Sized("authPolicy", MaxDigestBytes).ToArray();
        Symmetric = TpmSymmetricDefinition.Read(ref reader, "parameters.symmetric");
        (Scheme, SchemeHash) = ReadScheme(ref reader, Type);

        if (Type == TpmAlgId.Rsa)
        {
            var keyBits = reader.U16("parameters.rsaDetail.keyBits");
            var exponent = reader.U32("parameters.rsaDetail.exponent");
            var modulus = reader.Sized("unique.rsa", TpmRsaDetail.MaxModulusBytes).ToArray();
            if (modulus.Length != 0 && modulus.Length * 8 != keyBits)
                throw reader.Fail("unique.rsa", $"a {modulus.Length}-byte modulus does not match keyBits {keyBits}");
            Rsa = new TpmRsaDetail(keyBits, exponent == 0 ? TpmRsaDetail.DefaultExponent : exponent, modulus);
        }
        else
        {
            var curve = (TpmEccCurve)reader.U16("parameters.eccDetail.curveID");
            var kdf = reader.Alg("parameters.eccDetail.kdf.scheme");
            var kdfHash = TpmAlgId.Null;
            if (kdf != TpmAlgId.Null)
            {
                if (kdf is not (TpmAlgId.Mgf1 or TpmAlgId.Kdf1Sp800_56A or TpmAlgId.Kdf2 or TpmAlgId.Kdf1Sp800_108))
                    throw reader.Fail("parameters.eccDetail.kdf.scheme", $"{TpmHash.Describe(kdf)} is not a key derivation scheme");
                kdfHash = reader.Alg("parameters.eccDetail.kdf.hashAlg");
            }
            var x = reader.Sized("unique.ecc.x", TpmEccDetail.MaxParameterBytes).ToArray();
            var y = reader.Sized("unique.ecc.y", TpmEccDetail.MaxParameterBytes).ToArray();
            Ecc = new TpmEccDetail(curve, kdf, kdfHash, x, y);
        }
        _marshalled = reader.Consumed(0).ToArray();
    }

    /// <summary>
    /// TPMT_RSA_SCHEME / TPMT_ECC_SCHEME: the scheme selector then its details, which for every
    /// scheme but RSAES (empty) and ECDAA (hash + count) is just a hash algorithm.
    /// </summary>
    private static (TpmAlgId Scheme, TpmAlgId Hash) ReadScheme(ref TpmReader reader, TpmAlgId type)
    {
        const string field = "parameters.scheme";
        var scheme = reader.Alg(field + ".scheme");
        var allowed = type == TpmAlgId.Rsa
            ? scheme is TpmAlgId.Null or TpmAlgId.RsaSsa or TpmAlgId.RsaPss or TpmAlgId.RsaEs or TpmAlgId.Oaep
            : scheme is TpmAlgId.Null or TpmAlgId.EcDsa or TpmAlgId.EcDaa or TpmAlgId.Sm2 or TpmAlgId.EcSchnorr or TpmAlgId.EcDh or TpmAlgId.EcMqv;
        if (!allowed)
            throw reader.Fail(field + ".scheme", $"{TpmHash.Describe(scheme)} is not a scheme for {TpmHash.Describe(type)} keys");
        if (scheme is TpmAlgId.Null or TpmAlgId.RsaEs) return (scheme, TpmAlgId.Null);
        var hash = reader.Alg(field + ".details.hashAlg");
        if (scheme == TpmAlgId.EcDaa) reader.U16(field + ".details.count");
        return (scheme, hash);
    }
}
