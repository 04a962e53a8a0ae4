using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace GeoEdge.Timestamping.Tests;

/// <summary>
/// A TSA built from .NET's own CMS signer, for the certificate openssl ts refuses to sign with: one whose
/// timeStamping extended key usage is not critical. The token is otherwise well-formed (TSTInfo, ESS
/// signing-certificate-v2, the certificate included), so only the purpose check can refuse it.
/// </summary>
internal sealed class HandMadeTsa : IDisposable
{
    private readonly ECDsa _caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _tsaKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly X509Certificate2 _signer;

    public X509Certificate2 Ca { get; }

    public HandMadeTsa(bool criticalEku)
    {
        var now = DateTimeOffset.UtcNow;
        var caRequest = new CertificateRequest("CN=Hand-made TSA CA", _caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        Ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));

        var request = new CertificateRequest("CN=Hand-made TSA", _tsaKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(TokenChecksOids.TimeStamping)], criticalEku));
        using var issued = request.Create(Ca, now.AddHours(-1), now.AddHours(1), [0x42, 0x01]);
        _signer = issued.CopyWithPrivateKey(_tsaKey);
    }

    public byte[] Timestamp(ReadOnlySpan<byte> data)
    {
        var info = new Rfc3161TimestampTokenInfo(new Oid("1.3.6.1.4.1.99999.3161.9"), new Oid("2.16.840.1.101.3.4.2.1"),
            SHA256.HashData(data), new byte[] { 0x07 }, DateTimeOffset.UtcNow);
        var cms = new SignedCms(new ContentInfo(new Oid("1.2.840.113549.1.9.16.1.4"), info.Encode()));
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, _signer)
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.SignedAttributes.Add(new AsnEncodedData("1.2.840.113549.1.9.16.2.47", SigningCertificateV2(_signer)));
        cms.ComputeSignature(signer);
        return cms.Encode();
    }

    /// <summary>SigningCertificateV2 (RFC 5035) with one ESSCertIDv2, its hash algorithm the SHA-256 default (so omitted).</summary>
    private static byte[] SigningCertificateV2(X509Certificate2 certificate)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        using (writer.PushSequence())
        using (writer.PushSequence())
            writer.WriteOctetString(SHA256.HashData(certificate.RawData));
        return writer.Encode();
    }

    public void Dispose()
    {
        _signer.Dispose();
        Ca.Dispose();
        _tsaKey.Dispose();
        _caKey.Dispose();
    }
}

internal static class TokenChecksOids
{
    public const string TimeStamping = "1.3.6.1.5.5.7.3.8";
}
