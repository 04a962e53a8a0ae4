using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GeoEdge.Hil.Rig.Mqtt;

/// <summary>
/// A throw-away certificate authority for the rig's TLS listeners: ECDSA P-256 keys, certificates
/// made with <see cref="CertificateRequest"/> and written as PEM files, because that is what
/// mosquitto and libmosquitto (OpenSSL) read. Tests create a second, unrelated authority to prove
/// that a certificate from another CA is refused.
/// </summary>
public sealed class RigCertificateAuthority : IDisposable
{
    private static readonly TimeSpan Validity = TimeSpan.FromDays(2);

    private readonly ECDsa _key;
    private readonly X509Certificate2 _certificate;

    public string Name { get; }

    private RigCertificateAuthority(string name, ECDsa key, X509Certificate2 certificate)
    {
        Name = name;
        _key = key;
        _certificate = certificate;
    }

    public static RigCertificateAuthority Create(string name)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        // Back-dated a little so that a clock a few seconds apart between processes never matters.
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow + Validity);
        return new RigCertificateAuthority(name, key, certificate);
    }

    /// <summary>Writes the CA certificate (PEM) to <paramref name="path"/>.</summary>
    public string WriteCertificate(string path)
    {
        File.WriteAllText(path, _certificate.ExportCertificatePem() + "\n");
        return path;
    }

    /// <summary>A server certificate for the loopback listener: SAN IP 127.0.0.1 and DNS localhost,
    /// because libmosquitto checks the host name it connected to against the certificate.</summary>
    public (string CertPath, string KeyPath) IssueServer(string directory, string fileStem)
    {
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        return Issue(directory, fileStem, "localhost", ServerAuthOid, names.Build());
    }

    /// <summary>A client certificate whose common name becomes the MQTT user name on a listener with
    /// use_identity_as_username.</summary>
    public (string CertPath, string KeyPath) IssueClient(string directory, string commonName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(commonName);
        var fileStem = "client-" + string.Concat(commonName.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_'));
        return Issue(directory, fileStem, commonName, ClientAuthOid, subjectAlternativeNames: null);
    }

    private const string ServerAuthOid = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuthOid = "1.3.6.1.5.5.7.3.2";

    private (string CertPath, string KeyPath) Issue(string directory, string fileStem, string commonName,
        string extendedKeyUsageOid, X509Extension? subjectAlternativeNames)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCommonName(commonName);
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(extendedKeyUsageOid)], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(_certificate, true, false));
        if (subjectAlternativeNames is not null) request.CertificateExtensions.Add(subjectAlternativeNames);

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F; // a positive serial number, as RFC 5280 asks
        using var certificate = request.Create(_certificate.SubjectName, X509SignatureGenerator.CreateForECDsa(_key),
            DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow + Validity, serial);

        var certPath = Path.Combine(directory, fileStem + ".crt");
        var keyPath = Path.Combine(directory, fileStem + ".key");
        File.WriteAllText(certPath, certificate.ExportCertificatePem() + "\n");
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem() + "\n");
        return (certPath, keyPath);
    }

    public void Dispose()
    {
        _certificate.Dispose();
        _key.Dispose();
    }
}
