using System.Security.Cryptography;

namespace GeoEdge.Hil.Rig.Tpm;

/// <summary>
/// swtpm_setup 0.7.1 gives a TPM 2.0 an RSA 2048 EK certificate at 0x01c00002 but its ECC EK is a
/// NIST P-384 key (certificate at 0x01c00016, the TCG "high range"). Real TPMs and the agent use the
/// low-range ECC NIST P-256 EK (TCG EK Credential Profile template L-2, certificate at 0x01c0000a),
/// so the rig adds it: create the L-2 EK with tpm2_createek, have the rig's local CA certify it with
/// swtpm_localca (the same tool and CA swtpm_setup used for the RSA certificate), and write the DER
/// certificate into a platform-created NV index with the same attributes swtpm_setup gives the RSA
/// one (ppwrite|writedefine|ppread|ownerread|authread|no_da|platformcreate).
/// </summary>
internal static class EccEkCertificateProvisioner
{
    public const uint NvIndex = 0x01c0000a;

    public static async Task ProvisionAsync(string workDirectory, SwtpmConfigFiles config,
        IReadOnlyDictionary<string, string> tpm2ToolsEnvironment, Action<string> progress)
    {
        var timeout = TimeSpan.FromSeconds(60);
        var context = Path.Combine(workDirectory, "ek-ecc.ctx");
        var publicPem = Path.Combine(workDirectory, "ek-ecc.pem");
        var certDirectory = Path.Combine(workDirectory, "ek-ecc-cert");
        Directory.CreateDirectory(certDirectory);

        progress("creating the ECC P-256 EK (template L-2) with tpm2_createek");
        await RigTool.RunAsync("tpm2_createek", "tpm2_createek", ["-G", "ecc", "-c", context, "-u", publicPem, "-f", "pem"],
            workDirectory, timeout, tpm2ToolsEnvironment);
        // No resource manager on swtpm: the transient EK stays loaded until flushed. Nothing else uses
        // the TPM while the rig provisions it, so flushing all transient objects flushes just the EK.
        await RigTool.RunAsync("tpm2_flushcontext", "tpm2_flushcontext", ["--transient-object"], workDirectory, timeout, tpm2ToolsEnvironment);

        using var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(await File.ReadAllTextAsync(publicPem));
        var point = ecdsa.ExportParameters(includePrivateParameters: false).Q;

        progress("certifying the ECC P-256 EK with the rig's local CA");
        await RigTool.RunAsync("swtpm_localca", "swtpm_localca",
        [
            "--type", "ek",
            "--ek", $"x={Convert.ToHexStringLower(point.X!)},y={Convert.ToHexStringLower(point.Y!)},id=secp256r1",
            "--dir", certDirectory,
            // The same TPM identity swtpm_setup 0.7.1 passes for the RSA EK certificate of this swtpm.
            "--tpm-spec-family", "2.0", "--tpm-spec-level", "0", "--tpm-spec-revision", "164",
            "--tpm-manufacturer", "id:00001014", "--tpm-model", "swtpm", "--tpm-version", "id:20191023",
            "--tpm2",
            "--configfile", config.LocalCaConfig,
            "--optsfile", config.LocalCaOptions,
        ], workDirectory, timeout);
        var certificate = Path.Combine(certDirectory, "ek.cert");
        var size = new FileInfo(certificate).Length;

        progress($"writing the ECC EK certificate ({size} bytes) to NV index 0x{NvIndex:x8}");
        var index = $"0x{NvIndex:x8}";
        await RigTool.RunAsync("tpm2_nvdefine", "tpm2_nvdefine",
            [index, "-C", "p", "-s", size.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "-a", "ppwrite|writedefine|ppread|ownerread|authread|no_da|platformcreate"],
            workDirectory, timeout, tpm2ToolsEnvironment);
        await RigTool.RunAsync("tpm2_nvwrite", "tpm2_nvwrite", [index, "-C", "p", "-i", certificate],
            workDirectory, timeout, tpm2ToolsEnvironment);
    }
}
