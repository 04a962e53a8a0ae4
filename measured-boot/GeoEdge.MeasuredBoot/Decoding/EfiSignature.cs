using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GeoEdge.MeasuredBoot;

/// <summary>
/// One EFI_SIGNATURE_DATA entry of a signature database (PK, KEK, db, dbx, MokList) or of an authority
/// event: its list's type (X.509 certificate, SHA-256 hash, ...), its owner, and its data.
/// </summary>
public sealed record EfiSignature(Guid SignatureType, Guid Owner, byte[] Data)
{
    private string? _subject;
    private bool _subjectRead;

    public bool IsX509 => SignatureType == EfiGuids.CertX509;
    public bool IsSha256 => SignatureType == EfiGuids.CertSha256;

    /// <summary>SHA-256 of <see cref="Data"/>, lower-case hex: how policies name a key or hash entry.</summary>
    public string Fingerprint => Convert.ToHexStringLower(SHA256.HashData(Data));

    /// <summary>The certificate's subject for X.509 entries that parse as one; null otherwise.</summary>
    public string? Subject
    {
        get
        {
            if (_subjectRead) return _subject;
            _subjectRead = true;
            if (!IsX509 || Data.Length == 0) return null;
            try
            {
                using var certificate = X509CertificateLoader.LoadCertificate(Data);
                _subject = certificate.Subject;
            }
            catch (CryptographicException)
            {
                _subject = null;
            }
            return _subject;
        }
    }

    /// <summary>"x509 CN=..." / "sha256 hex" / the type GUID and length.</summary>
    public string Describe() =>
        IsX509 ? $"x509 {Subject ?? "(unparsable certificate)"}"
        : IsSha256 && Data.Length == 32 ? $"sha256 {Convert.ToHexStringLower(Data)}"
        : $"{SignatureType} ({Data.Length} bytes)";
}
