using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GeoEdge.Bridge.Registrar;

/// <summary>
/// Validates an EK certificate chain against a store of manufacturer CAs. Self-signed certificates in
/// the store are trust anchors; the others are intermediates the chain may use.
/// </summary>
public sealed class EkCertificateValidator
{
    private readonly X509Certificate2Collection _roots = [];
    private readonly X509Certificate2Collection _intermediates = [];

    public int AnchorCount => _roots.Count;
    public int IntermediateCount => _intermediates.Count;

    public EkCertificateValidator(IEnumerable<string> directories, Action<string>? log = null)
    {
        foreach (var directory in directories)
        {
            if (!Directory.Exists(directory))
                throw new InvalidOperationException($"EK CA directory '{directory}' does not exist");
            foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                foreach (var cert in LoadAll(file, log))
                    (IsSelfSigned(cert) ? _roots : _intermediates).Add(cert);
            }
        }
    }

    /// <summary>Null when the chain is valid; otherwise why not.</summary>
    public string? Validate(byte[] der, DateTimeOffset now)
    {
        X509Certificate2 cert;
        try
        {
            cert = X509CertificateLoader.LoadCertificate(der);
        }
        catch (CryptographicException e)
        {
            return $"the EK certificate is not a DER X.509 certificate ({e.Message})";
        }
        using (cert)
        using (var chain = new X509Chain())
        {
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(_roots);
            chain.ChainPolicy.ExtraStore.AddRange(_intermediates);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.VerificationTime = now.UtcDateTime;
            // EK certificates carry TPM-specific extensions (subjectAltName with TPM manufacturer,
            // model and version; subject directory attributes) that general-purpose validators do
            // not understand; they are marked critical when the subject is empty, as the TCG EK
            // credential profile requires. That alone must not fail the chain.
            chain.ChainPolicy.VerificationFlags = X509VerificationFlags.IgnoreInvalidPolicy;
            if (chain.Build(cert)) return null;
            var problems = chain.ChainStatus
                .Where(s => s.Status != X509ChainStatusFlags.HasNotSupportedCriticalExtension)
                .Select(s => $"{s.Status}: {s.StatusInformation.Trim()}")
                .ToList();
            if (problems.Count == 0) return null;
            return $"the EK certificate (issuer '{cert.Issuer}') does not chain to a trusted EK CA: {string.Join("; ", problems)}";
        }
    }

    private static bool IsSelfSigned(X509Certificate2 cert) => cert.SubjectName.RawData.AsSpan().SequenceEqual(cert.IssuerName.RawData);

    private static IEnumerable<X509Certificate2> LoadAll(string file, Action<string>? log)
    {
        var collection = new X509Certificate2Collection();
        try
        {
            var text = File.ReadAllText(file);
            if (text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
                collection.ImportFromPem(text);
            else if (!file.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
                collection.Add(X509CertificateLoader.LoadCertificateFromFile(file));
        }
        catch (CryptographicException e)
        {
            log?.Invoke($"EK CA store: skipping '{file}': {e.Message}");
        }
        return collection;
    }
}
