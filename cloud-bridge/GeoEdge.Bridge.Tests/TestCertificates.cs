using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GeoEdge.Bridge.Tests;

/// <summary>Small CAs and EK-like leaf certificates made on the spot, for chain validation tests.</summary>
public static class TestCertificates
{
    public static X509Certificate2 CreateRoot(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddYears(-1), DateTimeOffset.UtcNow.AddYears(10));
    }

    public static X509Certificate2 CreateIntermediate(X509Certificate2 issuer, string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var cert = request.Create(issuer, DateTimeOffset.UtcNow.AddMonths(-6), DateTimeOffset.UtcNow.AddYears(5), Serial());
        return cert.CopyWithPrivateKey(key);
    }

    /// <summary>A leaf the way a TPM vendor issues an EK certificate: key agreement/encipherment, not a CA.</summary>
    public static byte[] CreateEkLeaf(X509Certificate2 issuer, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=test EK", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyAgreement, true));
        var from = notBefore ?? DateTimeOffset.UtcNow.AddDays(-1);
        var to = notAfter ?? DateTimeOffset.UtcNow.AddYears(3);
        using var cert = request.Create(issuer, from, to, Serial());
        return cert.RawData;
    }

    public static void WritePem(X509Certificate2 cert, string path) => File.WriteAllText(path, cert.ExportCertificatePem());

    private static byte[] Serial() => RandomNumberGenerator.GetBytes(12);
}
