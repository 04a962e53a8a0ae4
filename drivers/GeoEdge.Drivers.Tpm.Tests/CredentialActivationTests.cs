using System.Security.Cryptography;

namespace GeoEdge.Drivers.Tpm.Tests;

/// <summary>
/// The verifier side of enrollment is played by tpm2_makecredential with no TPM (--tcti none): it
/// seals a secret to the EK public key for a given AK name, as the bridge will.
/// </summary>
public sealed class CredentialActivationTests(SwtpmFixture tpm) : IClassFixture<SwtpmFixture>
{
    [Theory]
    [InlineData("rsa")]
    [InlineData("ecc")]
    public async Task Activate_credential_returns_the_secret_sealed_to_the_ek_for_the_ak_name(string ekKind)
    {
        var secret = RandomNumberGenerator.GetBytes(32);
        using (var device = tpm.Open())
        {
            using var ek = device.CreatePrimary(TpmHierarchy.Endorsement,
                (ekKind == "rsa" ? TpmTemplates.EkRsa2048 : TpmTemplates.EkEccP256).Span);
            using var srk = device.CreatePrimary(TpmHierarchy.Owner, TpmTemplates.StorageEccP256.Span);
            using var ak = device.Load(srk, device.Create(srk, TpmTemplates.AttestationKeyEccP256.Span));
            var (blob, encryptedSecret) = await MakeCredentialAsync(ek.Public.ToArray(), ak.Name.ToArray(), secret, ekKind);

            var recovered = device.ActivateCredential(ak, ek, blob, encryptedSecret);

            Assert.Equal(secret, recovered);
        }
        tpm.AssertNothingLoaded();
    }

    [Fact]
    public async Task Credential_made_for_another_ak_name_is_refused_and_the_session_is_flushed()
    {
        using (var device = tpm.Open())
        {
            using var ek = device.CreatePrimary(TpmHierarchy.Endorsement, TpmTemplates.EkRsa2048.Span);
            using var srk = device.CreatePrimary(TpmHierarchy.Owner, TpmTemplates.StorageEccP256.Span);
            using var ak = device.Load(srk, device.Create(srk, TpmTemplates.AttestationKeyEccP256.Span));
            var otherName = ak.Name.ToArray();
            otherName[^1] ^= 0xff;
            var (blob, encryptedSecret) = await MakeCredentialAsync(ek.Public.ToArray(), otherName, new byte[16], "wrong-name");

            var error = Assert.Throws<TpmException>(() => device.ActivateCredential(ak, ek, blob, encryptedSecret));

            // The blob's HMAC is keyed on the name: another name fails the integrity check.
            Assert.Equal(TpmResponseCodes.Integrity, error.TpmBaseCode);
            Assert.Equal("Esys_ActivateCredential", error.Operation);
            Assert.Empty(device.GetLoadedSessionHandles());
        }
        tpm.AssertNothingLoaded();
    }

    [Fact]
    public void Truncated_credential_blob_is_refused_before_reaching_the_tpm()
    {
        using var device = tpm.Open();
        using var ek = device.CreatePrimary(TpmHierarchy.Endorsement, TpmTemplates.EkRsa2048.Span);
        using var srk = device.CreatePrimary(TpmHierarchy.Owner, TpmTemplates.StorageEccP256.Span);

        var error = Assert.Throws<TpmException>(() => device.ActivateCredential(srk, ek, [0x00, 0x34, 0x00], [0x00, 0x00]));

        Assert.Equal("MU", error.Layer);
        Assert.Contains("credential blob", error.Operation);
    }

    /// <summary>
    /// Runs tpm2_makecredential offline. Its output file is: magic 0xBADCC0DE, version 1 (both
    /// UINT32), then TPM2B_ID_OBJECT and TPM2B_ENCRYPTED_SECRET, each with its 16-bit size.
    /// </summary>
    private async Task<(byte[] Blob, byte[] Secret)> MakeCredentialAsync(byte[] ekPublic, byte[] akName, byte[] secret, string tag)
    {
        var work = Path.GetDirectoryName(tpm.Rig.StateDirectory)!;
        var ekFile = Path.Combine(work, $"mc-{tag}-ek.pub");
        var secretFile = Path.Combine(work, $"mc-{tag}-secret.bin");
        var outFile = Path.Combine(work, $"mc-{tag}-cred.out");
        await File.WriteAllBytesAsync(ekFile, ekPublic);
        await File.WriteAllBytesAsync(secretFile, secret);

        await tpm.Rig.RunTpm2ToolAsync("tpm2_makecredential", "--tcti", "none",
            "-u", ekFile, "-s", secretFile, "-n", Convert.ToHexStringLower(akName), "-o", outFile);

        var file = await File.ReadAllBytesAsync(outFile);
        var r = new Parsing.Cursor(file);
        Assert.Equal(0xBADCC0DEu, r.U32());
        Assert.Equal(1u, r.U32());
        var blobSize = r.U16();
        var blob = file.AsSpan(8, 2 + blobSize).ToArray();
        var rest = file.AsSpan(8 + 2 + blobSize).ToArray();
        Assert.Equal(rest.Length - 2, (rest[0] << 8) | rest[1]);
        return (blob, rest);
    }
}
