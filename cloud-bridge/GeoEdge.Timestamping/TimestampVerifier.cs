using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace GeoEdge.Timestamping;

/// <summary>
/// Checks a stored RFC 3161 token against the data it should cover, without network: what
/// `geoedge verify` uses on a result's timestamp. The TSA certificate must be valid at genTime.
/// </summary>
public static class TimestampVerifier
{
    /// <summary>Upper bound on a token; real ones are 1-10 KiB with the certificates included.</summary>
    public const int MaxTokenBytes = 256 * 1024;

    /// <exception cref="TimestampException">the token does not verify; <see cref="TimestampException.Reason"/> says why.</exception>
    /// <exception cref="ArgumentException">no trusted CA was given.</exception>
    public static VerifiedTimestamp Verify(byte[] token, ReadOnlySpan<byte> data, X509Certificate2Collection trustedCas)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(trustedCas);
        if (trustedCas.Count == 0) throw new ArgumentException("at least one trusted TSA CA certificate is needed", nameof(trustedCas));
        var decoded = Decode(token);
        return TokenChecks.Verify(decoded, token, data, trustedCas);
    }

    /// <summary>A TimeStampToken, the whole input and nothing after it.</summary>
    internal static Rfc3161TimestampToken Decode(ReadOnlyMemory<byte> token)
    {
        if (token.Length > MaxTokenBytes)
            throw new TimestampException(TimestampFailure.MalformedToken, $"the token is {token.Length} bytes, more than {MaxTokenBytes}");
        try
        {
            if (Rfc3161TimestampToken.TryDecode(token, out var decoded, out var consumed) && consumed == token.Length)
                return decoded;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // TryDecode promises false, but a hostile encoding must never escape as anything but MalformedToken.
        }
        throw UndecodableToken.Explain(token);
    }
}
