using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;

namespace GeoEdge.Timestamping;

/// <summary>
/// Why .NET's Rfc3161TimestampToken.TryDecode said no. It refuses, with a bare false, tokens whose TSA
/// certificate lacks the critical timeStamping usage or was not valid at genTime; those deserve their own
/// reasons, so the token is taken apart again here to find which rule it broke.
/// </summary>
internal static class UndecodableToken
{
    private const string TstInfoContentType = "1.2.840.113549.1.9.16.1.4";

    public static TimestampException Explain(ReadOnlyMemory<byte> token)
    {
        var cms = new SignedCms();
        try
        {
            cms.Decode(token.Span);
        }
        catch (CryptographicException e)
        {
            return Malformed(token, $"not a CMS SignedData ({e.Message})");
        }
        if (cms.ContentInfo.ContentType.Value != TstInfoContentType)
            return Malformed(token, $"its content type is {cms.ContentInfo.ContentType.Value}, not id-ct-TSTInfo");
        if (!Rfc3161TimestampTokenInfo.TryDecode(cms.ContentInfo.Content, out var info, out _))
            return Malformed(token, "its content is not a TSTInfo");
        if (cms.SignerInfos.Count != 1)
            return Malformed(token, $"it has {cms.SignerInfos.Count} signers, RFC 3161 wants one");
        if (cms.SignerInfos[0].Certificate is not { } certificate)
            return new TimestampException(TimestampFailure.CertificateMissing, "the token does not include the TSA certificate");
        try
        {
            TokenChecks.CheckPurpose(certificate);
        }
        catch (TimestampException purpose)
        {
            return purpose;
        }
        if (info.Timestamp < certificate.NotBefore.ToUniversalTime() || info.Timestamp > certificate.NotAfter.ToUniversalTime())
            return TokenChecks.NotValidAt(certificate, info.Timestamp);
        return Malformed(token, "no ESS signing-certificate attribute binds the signature to the included TSA certificate");
    }

    private static TimestampException Malformed(ReadOnlyMemory<byte> token, string why) =>
        new(TimestampFailure.MalformedToken, $"the {token.Length} bytes are not an acceptable RFC 3161 TimeStampToken: {why}");
}
