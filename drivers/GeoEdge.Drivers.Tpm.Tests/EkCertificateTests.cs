using System.Security.Cryptography.X509Certificates;
using GeoEdge.Drivers.Tpm.Tests.Parsing;

namespace GeoEdge.Drivers.Tpm.Tests;

public sealed class EkCertificateTests(SwtpmFixture tpm) : IClassFixture<SwtpmFixture>
{
    [Theory]
    [InlineData(TpmDevice.EkCertificateRsa2048Index)]
    [InlineData(TpmDevice.EkCertificateEccP256Index)]
    public void Ek_certificate_in_nv_chains_to_the_rig_local_ca(uint nvIndex)
    {
        using var device = tpm.Open();
        var der = device.ReadNv(nvIndex);

        Assert.NotNull(der);
        using var certificate = X509CertificateLoader.LoadCertificate(der);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(X509Certificate2.CreateFromPem(File.ReadAllText(tpm.Rig.RootCaCertificatePath)));
        chain.ChainPolicy.ExtraStore.Add(X509Certificate2.CreateFromPem(File.ReadAllText(tpm.Rig.IntermediateCaCertificatePath)));
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        var built = chain.Build(certificate);

        var problems = string.Join("; ", chain.ChainStatus.Select(s => $"{s.Status}: {s.StatusInformation}"));
        Assert.True(built, $"EK certificate at 0x{nvIndex:x8} does not chain to the local CA: {problems}");
        Assert.Equal(3, chain.ChainElements.Count);
    }

    [Fact]
    public void Rsa_ek_from_the_tcg_default_template_is_the_key_in_the_certificate()
    {
        using var device = tpm.Open();
        using var certificate = X509CertificateLoader.LoadCertificate(device.ReadNv(TpmDevice.EkCertificateRsa2048Index)!);
        using var ek = device.CreatePrimary(TpmHierarchy.Endorsement, TpmTemplates.EkRsa2048.Span);

        var modulus = TpmPublicArea.Parse(ek.Public.Span).RsaModulus;
        using var certificateKey = certificate.GetRSAPublicKey()!;
        Assert.Equal(Convert.ToHexString(certificateKey.ExportParameters(false).Modulus!), Convert.ToHexString(modulus));
        ek.Close();
        tpm.AssertNothingLoaded();
    }

    [Fact]
    public void Ecc_ek_from_the_tcg_default_template_is_the_key_in_the_certificate()
    {
        using var device = tpm.Open();
        using var certificate = X509CertificateLoader.LoadCertificate(device.ReadNv(TpmDevice.EkCertificateEccP256Index)!);
        using var ek = device.CreatePrimary(TpmHierarchy.Endorsement, TpmTemplates.EkEccP256.Span);

        var area = TpmPublicArea.Parse(ek.Public.Span);
        // The EK certificate's key usage is keyAgreement only, so GetECDsaPublicKey returns null for it.
        Assert.Null(certificate.GetECDsaPublicKey());
        using var certificateKey = certificate.GetECDiffieHellmanPublicKey() ?? throw new InvalidOperationException("ECC EK certificate has no EC key");
        var point = certificateKey.ExportParameters(false).Q;
        Assert.Equal(Convert.ToHexString(point.X!), Convert.ToHexString(area.EccX));
        Assert.Equal(Convert.ToHexString(point.Y!), Convert.ToHexString(area.EccY));
        ek.Close();
        tpm.AssertNothingLoaded();
    }

    [Fact]
    public void Reading_an_undefined_nv_index_returns_null()
    {
        using var device = tpm.Open();
        Assert.Null(device.ReadNv(0x01c0ffff));
    }

    [Fact]
    public async Task Ek_certificate_reads_the_same_through_the_driver_and_tpm2_nvread()
    {
        byte[] ours;
        using (var device = tpm.Open()) ours = device.ReadNv(TpmDevice.EkCertificateRsa2048Index)!;
        var file = Path.Combine(Path.GetDirectoryName(tpm.Rig.StateDirectory)!, "ek-rsa-nvread.der");

        await tpm.Rig.RunTpm2ToolAsync("tpm2_nvread", "0x01c00002", "-C", "o", "-o", file);

        Assert.Equal(File.ReadAllBytes(file), ours);
    }
}
