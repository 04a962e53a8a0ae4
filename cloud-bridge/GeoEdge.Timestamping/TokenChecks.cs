using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace GeoEdge.Timestamping;

/// <summary>
/// What makes a decoded RFC 3161 token trustworthy for some data, in the order that gives the most
/// useful reason first: imprint, the TSA certificate's purpose, the signature, the chain to a configured
/// CA at genTime. Shared by the online client and the offline verifier so that both decide alike.
/// </summary>
internal static class TokenChecks
{
    public const string TimeStampingEku = "1.3.6.1.5.5.7.3.8";
    private const string Sha256Oid = "2.16.840.1.101.3.4.2.1";
    private const string ExtendedKeyUsageOid = "2.5.29.37";

    public static VerifiedTimestamp Verify(Rfc3161TimestampToken token, ReadOnlyMemory<byte> encoded, ReadOnlySpan<byte> data, X509Certificate2Collection trustedCas)
    {
        var info = token.TokenInfo;
        CheckImprint(info, data);
        var signed = token.AsSignedCms();
        if (signed.SignerInfos.Count != 1)
            throw new TimestampException(TimestampFailure.MalformedToken, $"the token has {signed.SignerInfos.Count} signers, RFC 3161 wants one");
        var certificate = signed.SignerInfos[0].Certificate
            ?? throw new TimestampException(TimestampFailure.CertificateMissing, "the token does not include the TSA certificate");
        CheckPurpose(certificate);
        // Checks the CMS signature and the ESS signing-certificate binding to this certificate.
        if (!token.VerifySignatureForData(data, out var signer, extraCandidates: null) || signer is null || !signer.RawDataMemory.Span.SequenceEqual(certificate.RawDataMemory.Span))
            throw new TimestampException(TimestampFailure.SignatureInvalid, $"the signature of '{certificate.Subject}' over the token does not verify");
        CheckChain(certificate, signed.Certificates, info.Timestamp, trustedCas);
        return new VerifiedTimestamp(encoded.ToArray(), info.Timestamp, certificate.Subject, Convert.ToHexString(info.GetSerialNumber().Span),
            info.PolicyId.Value ?? "", info.AccuracyInMicroseconds is { } micros ? TimeSpan.FromMicroseconds(micros) : null);
    }

    private static void CheckImprint(Rfc3161TimestampTokenInfo info, ReadOnlySpan<byte> data)
    {
        if (info.HashAlgorithmId.Value != Sha256Oid)
            throw new TimestampException(TimestampFailure.UnexpectedHashAlgorithm, $"the message imprint uses {info.HashAlgorithmId.Value}, not SHA-256 ({Sha256Oid})");
        Span<byte> expected = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(data, expected);
        var imprint = info.GetMessageHash().Span;
        if (!CryptographicOperations.FixedTimeEquals(imprint, expected))
            throw new TimestampException(TimestampFailure.ImprintMismatch, $"the token's imprint {Convert.ToHexString(imprint)} is not SHA-256 of the data ({Convert.ToHexString(expected)})");
    }

    /// <summary>RFC 3161 section 2.3: exactly one extended key usage extension, critical, with id-kp-timeStamping only.</summary>
    public static void CheckPurpose(X509Certificate2 certificate)
    {
        var extensions = certificate.Extensions.Where(e => e.Oid?.Value == ExtendedKeyUsageOid).ToList();
        if (extensions.Count != 1)
            throw new TimestampException(TimestampFailure.NotTimestampingCertificate, $"'{certificate.Subject}' has {extensions.Count} extended key usage extensions, RFC 3161 wants one");
        var usage = new X509EnhancedKeyUsageExtension(extensions[0], extensions[0].Critical);
        var purposes = usage.EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value).ToList();
        if (!extensions[0].Critical || purposes.Count != 1 || purposes[0] != TimeStampingEku)
            throw new TimestampException(TimestampFailure.NotTimestampingCertificate,
                $"'{certificate.Subject}' extended key usage is [{string.Join(", ", purposes)}]{(extensions[0].Critical ? "" : " (not critical)")}, RFC 3161 wants only {TimeStampingEku}, critical");
    }

    /// <summary>
    /// Chains to the configured CAs only (never the system store), at genTime: a token made while the TSA
    /// certificate was valid stays verifiable after it expires. No revocation check: this must work offline.
    /// </summary>
    private static void CheckChain(X509Certificate2 certificate, X509Certificate2Collection included, DateTimeOffset genTime, X509Certificate2Collection trustedCas)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trustedCas);
        chain.ChainPolicy.ExtraStore.AddRange(included);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = genTime.UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        if (chain.Build(certificate)) return;

        var problems = chain.ChainStatus.Select(s => s.Status).Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s);
        var detail = string.Join("; ", chain.ChainStatus.Select(s => $"{s.Status}: {s.StatusInformation.Trim()}").Distinct());
        if (problems == X509ChainStatusFlags.NotTimeValid) throw NotValidAt(certificate, genTime, "or its CA ");
        throw new TimestampException(TimestampFailure.UntrustedCertificate, $"'{certificate.Subject}' does not chain to a trusted TSA CA: {detail}");
    }

    public static TimestampException NotValidAt(X509Certificate2 certificate, DateTimeOffset genTime, string alsoCa = "") =>
        new(TimestampFailure.CertificateNotValidAtGenTime,
            $"'{certificate.Subject}' (valid {certificate.NotBefore.ToUniversalTime():u} to {certificate.NotAfter.ToUniversalTime():u}) {alsoCa}was not valid at genTime {genTime.UtcDateTime:u}");
}
