using System.Security.Cryptography;

namespace GeoEdge.Wire.Tpm2;

public sealed partial class TpmPublic
{
    /// <summary>
    /// The object's Name (Part 1, 16): nameAlg (UINT16) || H_nameAlg(TPMT_PUBLIC). This is what a
    /// creation attestation's objectName and MakeCredential's objectName refer to.
    /// </summary>
    public byte[] ComputeName()
    {
        TpmHash.Require(NameAlg, Tpmt, "nameAlg");
        var writer = new TpmWriter(2 + TpmHash.DigestSize(NameAlg));
        writer.Alg(NameAlg).Bytes(TpmHash.Hash(NameAlg, _marshalled));
        return writer.ToArray();
    }

    /// <summary>The RSA public key; the caller disposes it.</summary>
    public RSA ExportRSA()
    {
        var rsa = Rsa ?? throw new TpmFormatException(Tpmt, "type", $"{TpmHash.Describe(Type)} key is not RSA");
        if (rsa.Modulus.Length == 0)
            throw new TpmFormatException(Tpmt, "unique.rsa", "empty modulus (a template, not a key)");
        var exponent = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(exponent, rsa.Exponent);
        var parameters = new RSAParameters { Modulus = rsa.Modulus, Exponent = exponent.AsSpan().TrimStart((byte)0).ToArray() };
        try
        {
            return RSA.Create(parameters);
        }
        catch (CryptographicException e)
        {
            throw new TpmFormatException(Tpmt, "unique.rsa", $"not a usable RSA public key: {e.Message}", e);
        }
    }

    /// <summary>The ECDSA public key; the caller disposes it.</summary>
    public ECDsa ExportECDsa()
    {
        var parameters = EcParameters();
        try
        {
            return ECDsa.Create(parameters);
        }
        catch (CryptographicException e)
        {
            throw new TpmFormatException(Tpmt, "unique.ecc", $"not a point on {Ecc!.Curve}: {e.Message}", e);
        }
    }

    /// <summary>The ECDH public key (for MakeCredential to an ECC EK); the caller disposes it.</summary>
    public ECDiffieHellman ExportECDiffieHellman()
    {
        var parameters = EcParameters();
        try
        {
            return ECDiffieHellman.Create(parameters);
        }
        catch (CryptographicException e)
        {
            throw new TpmFormatException(Tpmt, "unique.ecc", $"not a point on {Ecc!.Curve}: {e.Message}", e);
        }
    }

    /// <summary>The .NET curve for a TPM curve id, or a format error naming the curve.</summary>
    internal static ECCurve DotNetCurve(TpmEccCurve curve, string structure, string field) => curve switch
    {
        TpmEccCurve.NistP256 => ECCurve.NamedCurves.nistP256,
        TpmEccCurve.NistP384 => ECCurve.NamedCurves.nistP384,
        TpmEccCurve.NistP521 => ECCurve.NamedCurves.nistP521,
        _ => throw new TpmFormatException(structure, field, $"curve 0x{(ushort)curve:x4} is not supported (NIST P-256, P-384, P-521 are)"),
    };

    private ECParameters EcParameters()
    {
        var ecc = Ecc ?? throw new TpmFormatException(Tpmt, "type", $"{TpmHash.Describe(Type)} key is not ECC");
        var curve = DotNetCurve(ecc.Curve, Tpmt, "parameters.eccDetail.curveID");
        if (ecc.X.Length == 0 || ecc.Y.Length == 0)
            throw new TpmFormatException(Tpmt, "unique.ecc", "empty point (a template, not a key)");
        var size = TpmEccDetail.CoordinateSize(ecc.Curve);
        return new ECParameters
        {
            Curve = curve,
            Q = new ECPoint
            {
                X = TpmEccDetail.PadCoordinate(ecc.X, size, Tpmt, "unique.ecc.x"),
                Y = TpmEccDetail.PadCoordinate(ecc.Y, size, Tpmt, "unique.ecc.y"),
            },
        };
    }
}
