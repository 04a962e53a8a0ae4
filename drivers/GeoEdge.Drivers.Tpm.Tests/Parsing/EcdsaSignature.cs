using System.Security.Cryptography;

namespace GeoEdge.Drivers.Tpm.Tests.Parsing;

/// <summary>Verifies a TPMT_SIGNATURE (ECDSA, SHA-256) over TPM bytes with .NET's ECDsa and the key from a TPM2B_PUBLIC.</summary>
public static class EcdsaSignature
{
    public static bool Verify(ReadOnlySpan<byte> tpm2bPublic, ReadOnlySpan<byte> signedBytes, ReadOnlySpan<byte> tpmtSignature)
    {
        var key = TpmPublicArea.Parse(tpm2bPublic);
        Assert.Equal(0x0003, key.CurveId); // NIST P-256
        var r = new Cursor(tpmtSignature);
        Assert.Equal(0x0018, r.U16());    // TPM_ALG_ECDSA
        Assert.Equal(0x000b, r.U16());    // SHA-256
        var sigR = r.Sized();
        var sigS = r.Sized();
        Assert.Equal(0, r.Remaining);

        using var ecdsa = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = key.EccX, Y = key.EccY },
        });
        // IEEE P1363 form: r and s, each left-padded to the field size.
        var p1363 = new byte[64];
        sigR.CopyTo(p1363.AsSpan(32 - sigR.Length));
        sigS.CopyTo(p1363.AsSpan(64 - sigS.Length));
        return ecdsa.VerifyData(signedBytes, p1363, HashAlgorithmName.SHA256);
    }
}
