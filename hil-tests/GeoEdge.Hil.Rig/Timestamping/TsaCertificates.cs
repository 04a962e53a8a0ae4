using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GeoEdge.Hil.Rig.Timestamping;

/// <summary>How the rig TSA's own certificate is made: tests shift its validity to prove the client checks it.</summary>
public sealed record TsaCertificateProfile
{
    /// <summary>Start of validity relative to now (back-dated a little so process clocks never matter).</summary>
    public TimeSpan NotBefore { get; init; } = TimeSpan.FromMinutes(-5);

    /// <summary>End of validity relative to now.</summary>
    public TimeSpan NotAfter { get; init; } = TimeSpan.FromDays(2);
}

/// <summary>
/// The rig TSA's PKI, written as PEM for openssl: a throw-away CA (ECDSA P-256) and one TSA certificate
/// under it with the only extended key usage id-kp-timeStamping, critical (RFC 3161 section 2.3; openssl
/// ts refuses to sign with anything else).
/// </summary>
internal static class TsaCertificates
{
    private const string TimeStampingOid = "1.3.6.1.5.5.7.3.8";

    public sealed record Files(string CaCertificate, string TsaCertificate, string TsaKey);

    public static Files Create(string directory, string name, TsaCertificateProfile profile)
    {
        var now = DateTimeOffset.UtcNow;
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest($"CN={name} CA, O=GeoEdge rig", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        // The CA outlives any TSA profile a test picks, so that only the TSA certificate's validity is in question.
        using var ca = caRequest.CreateSelfSigned(now.AddDays(-30), now.AddDays(30));

        using var tsaKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var tsaRequest = new CertificateRequest($"CN={name}, O=GeoEdge rig", tsaKey, HashAlgorithmName.SHA256);
        tsaRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        tsaRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        tsaRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(TimeStampingOid)], critical: true));
        tsaRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(tsaRequest.PublicKey, false));
        tsaRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F; // positive, as RFC 5280 asks
        using var tsa = tsaRequest.Create(ca.SubjectName, X509SignatureGenerator.CreateForECDsa(caKey), now + profile.NotBefore, now + profile.NotAfter, serial);

        var files = new Files(Path.Combine(directory, "tsa-ca.crt"), Path.Combine(directory, "tsa.crt"), Path.Combine(directory, "tsa.key"));
        File.WriteAllText(files.CaCertificate, ca.ExportCertificatePem() + "\n");
        File.WriteAllText(files.TsaCertificate, tsa.ExportCertificatePem() + "\n");
        File.WriteAllText(files.TsaKey, tsaKey.ExportPkcs8PrivateKeyPem() + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(files.TsaKey, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return files;
    }
}
