using System.Security.Cryptography;
using GeoEdge.Wire.Tpm2;

namespace GeoEdge.Wire.Tests.Tpm2;

/// <summary>Builds TPMT_PUBLIC bytes around .NET-generated keys, field by field as Part 2 lays them out.</summary>
internal static class TestPublicArea
{
    /// <summary>The attributes of the TCG default EK templates (EK Credential Profile, template L-1/L-2).</summary>
    public const TpmObjectAttributes EkAttributes = TpmObjectAttributes.FixedTpm | TpmObjectAttributes.FixedParent
        | TpmObjectAttributes.SensitiveDataOrigin | TpmObjectAttributes.AdminWithPolicy
        | TpmObjectAttributes.Restricted | TpmObjectAttributes.Decrypt;

    public const TpmObjectAttributes AkAttributes = TpmObjectAttributes.FixedTpm | TpmObjectAttributes.FixedParent
        | TpmObjectAttributes.SensitiveDataOrigin | TpmObjectAttributes.UserWithAuth
        | TpmObjectAttributes.Restricted | TpmObjectAttributes.Sign;

    /// <summary>The EK policy PolicySecret(TPM_RH_ENDORSEMENT) of the default templates.</summary>
    public static readonly byte[] EkPolicySha256 = Convert.FromHexString("837197674484B3F81A90CC8D46A5D724FD52D76E06520B64F2A1DA1B331469AA");

    public static byte[] Rsa(RSAParameters key, TpmAlgId nameAlg, TpmObjectAttributes attributes, ushort aesBits,
        TpmAlgId scheme, TpmAlgId schemeHash, byte[]? policy = null, bool zeroExponent = true)
    {
        var writer = Header(TpmAlgId.Rsa, nameAlg, attributes, policy);
        Symmetric(writer, aesBits);
        Scheme(writer, scheme, schemeHash);
        var exponent = zeroExponent ? 0u : uint.Parse(Convert.ToHexString(key.Exponent!), System.Globalization.NumberStyles.HexNumber);
        writer.U16((ushort)(key.Modulus!.Length * 8)).U32(exponent).Sized(key.Modulus);
        return writer.ToArray();
    }

    public static byte[] Ecc(ECParameters key, TpmEccCurve curve, TpmAlgId nameAlg, TpmObjectAttributes attributes, ushort aesBits,
        TpmAlgId scheme, TpmAlgId schemeHash, byte[]? policy = null)
    {
        var writer = Header(TpmAlgId.Ecc, nameAlg, attributes, policy);
        Symmetric(writer, aesBits);
        Scheme(writer, scheme, schemeHash);
        writer.U16((ushort)curve).Alg(TpmAlgId.Null).Sized(key.Q.X).Sized(key.Q.Y);
        return writer.ToArray();
    }

    public static TpmPublic RsaEk(RSA key, TpmAlgId nameAlg = TpmAlgId.Sha256, ushort aesBits = 128) =>
        TpmPublic.Parse(Rsa(key.ExportParameters(false), nameAlg, EkAttributes, aesBits, TpmAlgId.Null, TpmAlgId.Null, EkPolicySha256));

    public static TpmPublic EccEk(ECDiffieHellman key, TpmEccCurve curve, TpmAlgId nameAlg = TpmAlgId.Sha256, ushort aesBits = 128) =>
        TpmPublic.Parse(Ecc(key.ExportParameters(false), curve, nameAlg, EkAttributes, aesBits, TpmAlgId.Null, TpmAlgId.Null, EkPolicySha256));

    private static TpmWriter Header(TpmAlgId type, TpmAlgId nameAlg, TpmObjectAttributes attributes, byte[]? policy) =>
        new TpmWriter().Alg(type).Alg(nameAlg).U32((uint)attributes).Sized(policy ?? []);

    private static void Symmetric(TpmWriter writer, ushort aesBits)
    {
        if (aesBits == 0) writer.Alg(TpmAlgId.Null);
        else writer.Alg(TpmAlgId.Aes).U16(aesBits).Alg(TpmAlgId.Cfb);
    }

    private static void Scheme(TpmWriter writer, TpmAlgId scheme, TpmAlgId hash)
    {
        writer.Alg(scheme);
        if (scheme != TpmAlgId.Null) writer.Alg(hash);
    }
}
