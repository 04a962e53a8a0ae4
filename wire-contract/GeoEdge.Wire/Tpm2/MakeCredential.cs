using System.Security.Cryptography;

namespace GeoEdge.Wire.Tpm2;

/// <summary>
/// TPM2_MakeCredential (Part 3) in managed code, so the bridge needs no TPM: protects a
/// credential so that only the TPM holding the EK, and only for a loaded object with the given
/// Name (the AK), can recover it with TPM2_ActivateCredential.
/// </summary>
/// <remarks>
/// Part 1, 24 (credential protection) with the secret sharing of Annexes B and C:
/// seed: random (RSA EK: OAEP-encrypted with label "IDENTITY") or from ECDH with an ephemeral key
/// (ECC EK: KDFe(nameAlg, Z, "IDENTITY", ephemeral.x, ek.x)), digest-size of the EK's nameAlg;
/// symKey = KDFa(nameAlg, seed, "STORAGE", name, "", EK symmetric keyBits);
/// encIdentity = AES-CFB(symKey, IV 0, TPM2B_DIGEST(credential));
/// hmacKey = KDFa(nameAlg, seed, "INTEGRITY", "", "", digest bits);
/// integrityHMAC = HMAC_nameAlg(hmacKey, encIdentity || name).
/// </remarks>
public static class MakeCredential
{
    private const string Structure = "TPMT_PUBLIC";
    private const string IdentityLabel = "IDENTITY";

    /// <summary>Protects <paramref name="credential"/> to <paramref name="ek"/> for the object named <paramref name="objectName"/>.</summary>
    /// <param name="ek">The EK public: a restricted decryption key, RSA or ECC (NIST P-256/384/521), AES-CFB symmetric.</param>
    /// <param name="objectName">The AK's Name (nameAlg || digest), e.g. <see cref="TpmPublic.ComputeName"/>.</param>
    /// <param name="credential">The secret; 1 to digest-size-of-EK-nameAlg bytes.</param>
    /// <param name="entropy">Randomness; the OS CSPRNG when null. Only tests pass anything else.</param>
    /// <exception cref="TpmFormatException">The EK cannot receive a credential (attributes, symmetric, scheme, key).</exception>
    /// <exception cref="ArgumentException">The name or credential is malformed or too long.</exception>
    public static MakeCredentialResult Create(TpmPublic ek, ReadOnlySpan<byte> objectName, ReadOnlySpan<byte> credential,
        IMakeCredentialEntropy? entropy = null)
    {
        ArgumentNullException.ThrowIfNull(ek);
        entropy ??= SystemMakeCredentialEntropy.Instance;
        CheckEk(ek);
        var nameAlg = ek.NameAlg;
        var digestSize = TpmHash.DigestSize(nameAlg);
        CheckName(objectName);
        if (credential.Length == 0 || credential.Length > digestSize)
            throw new ArgumentException($"credential must be 1..{digestSize} bytes (the EK nameAlg's digest size), got {credential.Length}", nameof(credential));

        var seed = new byte[digestSize];
        byte[] secret;
        if (ek.Type == TpmAlgId.Rsa)
        {
            entropy.FillSeed(seed);
            secret = EncryptSeedRsa(ek, seed);
        }
        else
        {
            secret = DeriveSeedEcc(ek, seed, entropy);
        }

        try
        {
            var symKey = Kdfa.Derive(nameAlg, seed, "STORAGE", objectName, [], ek.Symmetric.KeyBits);
            var plainIdentity = new TpmWriter(2 + credential.Length).Sized(credential).ToArray();
            var encIdentity = AesCfb.Encrypt(symKey, plainIdentity);
            CryptographicOperations.ZeroMemory(symKey);
            CryptographicOperations.ZeroMemory(plainIdentity);

            var hmacKey = Kdfa.Derive(nameAlg, seed, "INTEGRITY", [], [], digestSize * 8);
            var integrity = new TpmWriter(encIdentity.Length + objectName.Length).Bytes(encIdentity).Bytes(objectName);
            var integrityHmac = TpmHash.Hmac(nameAlg, hmacKey, integrity.WrittenSpan);
            CryptographicOperations.ZeroMemory(hmacKey);

            var idObject = new TpmWriter(2 + integrityHmac.Length + encIdentity.Length).Sized(integrityHmac).Bytes(encIdentity);
            var blob = new TpmWriter(idObject.Length + 2).Sized(idObject.WrittenSpan).ToArray();
            return new MakeCredentialResult(blob, new TpmWriter(secret.Length + 2).Sized(secret).ToArray());
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    private static void CheckEk(TpmPublic ek)
    {
        TpmHash.Require(ek.NameAlg, Structure, "nameAlg");
        if (!ek.HasAttributes(TpmObjectAttributes.Restricted | TpmObjectAttributes.Decrypt) || ek.HasAttributes(TpmObjectAttributes.Sign))
            throw new TpmFormatException(Structure, "objectAttributes", $"an EK must be a restricted decryption key without sign, got {ek.Attributes}");
        var sym = ek.Symmetric;
        if (sym.Algorithm != TpmAlgId.Aes || sym.Mode != TpmAlgId.Cfb || sym.KeyBits is not (128 or 192 or 256))
            throw new TpmFormatException(Structure, "parameters.symmetric",
                $"credential protection needs AES-128/192/256 in CFB mode, the EK has {TpmHash.Describe(sym.Algorithm)} {sym.KeyBits} {TpmHash.Describe(sym.Mode)}");
    }

    private static void CheckName(ReadOnlySpan<byte> name)
    {
        if (name.Length >= 2)
        {
            var alg = (TpmAlgId)System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(name);
            if (TpmHash.IsSupported(alg) && name.Length == 2 + TpmHash.DigestSize(alg)) return;
        }
        throw new ArgumentException($"objectName must be a Name: a supported nameAlg then its digest ({name.Length} bytes given)", "objectName");
    }

    /// <summary>
    /// RSA secret sharing (Part 1, Annex B): OAEP with the label "IDENTITY\0" and the
    /// scheme's hash, which for an EK (scheme NULL) is its nameAlg.
    /// </summary>
    private static byte[] EncryptSeedRsa(TpmPublic ek, byte[] seed)
    {
        var rsa = ek.Rsa!;
        if (rsa.Modulus.Length == 0)
            throw new TpmFormatException(Structure, "unique.rsa", "empty modulus (a template, not a key)");
        var oaepHash = ek.Scheme switch
        {
            TpmAlgId.Null => ek.NameAlg,
            TpmAlgId.Oaep => ek.SchemeHash,
            _ => throw new TpmFormatException(Structure, "parameters.scheme", $"secret sharing to an RSA key needs scheme NULL or OAEP, the EK has {TpmHash.Describe(ek.Scheme)}"),
        };
        TpmHash.Require(oaepHash, Structure, "parameters.scheme.details.hashAlg");
        return RsaOaep.Encrypt(rsa, oaepHash, KdfLabel.Encode(IdentityLabel), seed);
    }

    /// <summary>
    /// ECC secret sharing (Part 1, Annex C): one-pass ECDH between an ephemeral key
    /// and the EK; the seed is KDFe over the shared x coordinate with PartyUInfo the ephemeral x and
    /// PartyVInfo the EK's x. The secret is the ephemeral point (TPMS_ECC_POINT).
    /// </summary>
    private static byte[] DeriveSeedEcc(TpmPublic ek, byte[] seed, IMakeCredentialEntropy entropy)
    {
        var ecc = ek.Ecc!;
        var curve = TpmPublic.DotNetCurve(ecc.Curve, Structure, "parameters.eccDetail.curveID");
        using var ekKey = ek.ExportECDiffieHellman();
        using var ephemeral = entropy.CreateEphemeralKey(curve);
        var point = ephemeral.ExportParameters(includePrivateParameters: false).Q;
        if (point.X is null || point.Y is null || point.X.Length != TpmEccDetail.CoordinateSize(ecc.Curve))
            throw new ArgumentException("the ephemeral key is not on the EK's curve", nameof(entropy));
        var z = ephemeral.DeriveRawSecretAgreement(ekKey.PublicKey);
        try
        {
            Kdfe.Derive(ek.NameAlg, z, IdentityLabel, point.X, ecc.X, seed.Length * 8).CopyTo(seed, 0);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(z);
        }
        return new TpmWriter(4 + point.X.Length + point.Y.Length).Sized(point.X).Sized(point.Y).ToArray();
    }
}
