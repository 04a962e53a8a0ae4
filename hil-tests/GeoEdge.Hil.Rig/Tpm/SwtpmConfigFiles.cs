namespace GeoEdge.Hil.Rig.Tpm;

/// <summary>
/// The three configuration files swtpm_setup and swtpm_localca read, written into the rig directory
/// so that the local CA (root, intermediate signing key, serial counter) lives there too. Without
/// them swtpm_setup would use /etc/swtpm_setup.conf and a CA under /var/lib/swtpm-localca, which
/// the rig must neither read nor modify.
/// </summary>
internal sealed class SwtpmConfigFiles
{
    public string SetupConfig { get; }
    public string LocalCaConfig { get; }
    public string LocalCaOptions { get; }
    public string CaDirectory { get; }

    /// <summary>Names swtpm_localca 0.7 gives the CA it creates on first use in its statedir.</summary>
    public string RootCertificate => Path.Combine(CaDirectory, "swtpm-localca-rootca-cert.pem");
    public string IntermediateCertificate => Path.Combine(CaDirectory, "issuercert.pem");

    private SwtpmConfigFiles(string directory)
    {
        CaDirectory = Path.Combine(directory, "localca");
        SetupConfig = Path.Combine(directory, "swtpm_setup.conf");
        LocalCaConfig = Path.Combine(directory, "swtpm-localca.conf");
        LocalCaOptions = Path.Combine(directory, "swtpm-localca.options");
    }

    public static SwtpmConfigFiles Write(string directory)
    {
        var files = new SwtpmConfigFiles(directory);
        Directory.CreateDirectory(files.CaDirectory);
        File.WriteAllLines(files.LocalCaConfig,
        [
            $"statedir = {files.CaDirectory}",
            $"signingkey = {Path.Combine(files.CaDirectory, "signkey.pem")}",
            $"issuercert = {files.IntermediateCertificate}",
            $"certserial = {Path.Combine(files.CaDirectory, "certserial")}",
        ]);
        // Options swtpm_localca passes to swtpm_cert for the platform certificate.
        File.WriteAllLines(files.LocalCaOptions,
        [
            "--platform-manufacturer GeoEdge",
            "--platform-version 2.1",
            "--platform-model GeoEdgeRig",
        ]);
        File.WriteAllLines(files.SetupConfig,
        [
            "create_certs_tool = /usr/bin/swtpm_localca",
            $"create_certs_tool_config = {files.LocalCaConfig}",
            $"create_certs_tool_options = {files.LocalCaOptions}",
            "active_pcr_banks = sha256",
        ]);
        return files;
    }
}
