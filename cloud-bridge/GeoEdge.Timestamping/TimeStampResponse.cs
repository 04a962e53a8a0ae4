using System.Formats.Asn1;
using System.Text;

namespace GeoEdge.Timestamping;

/// <summary>
/// The outer TimeStampResp of RFC 3161 section 2.4.2, read strictly as DER:
/// <code>
/// TimeStampResp ::= SEQUENCE { status PKIStatusInfo, timeStampToken TimeStampToken OPTIONAL }
/// PKIStatusInfo ::= SEQUENCE { status PKIStatus, statusString PKIFreeText OPTIONAL, failInfo PKIFailureInfo OPTIONAL }
/// </code>
/// .NET's Rfc3161TimestampRequest.ProcessResponse folds every refusal into one CryptographicException, so
/// the envelope is read here to name the TSA's status, failure bits and text.
/// </summary>
internal static class TimeStampResponse
{
    /// <summary>The token of a granted answer.</summary>
    /// <exception cref="TimestampException">not a TimeStampResp, a refusal, or granted without a token.</exception>
    public static ReadOnlyMemory<byte> GrantedToken(ReadOnlyMemory<byte> body)
    {
        try
        {
            var outer = new AsnReader(body, AsnEncodingRules.DER);
            var response = outer.ReadSequence();
            outer.ThrowIfNotEmpty();

            var statusInfo = response.ReadSequence();
            var status = ReadStatus(statusInfo);
            var text = statusInfo.HasData && statusInfo.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence) ? ReadFreeText(statusInfo) : null;
            var failure = statusInfo.HasData ? statusInfo.ReadNamedBitListValue<PkiFailureInfo>() : PkiFailureInfo.None;
            statusInfo.ThrowIfNotEmpty();

            if (status is not (PkiStatus.Granted or PkiStatus.GrantedWithMods))
                throw new TimestampRejectedException(status, failure, text);
            if (!response.HasData)
                throw new TimestampException(TimestampFailure.TokenMissing, $"the TSA answered {status} without a timeStampToken");
            var token = response.ReadEncodedValue();
            response.ThrowIfNotEmpty();
            return token;
        }
        catch (AsnContentException e)
        {
            throw new TimestampException(TimestampFailure.NotTimeStampResp, $"the {body.Length}-byte answer is not a DER TimeStampResp: {e.Message}", e);
        }
    }

    private static PkiStatus ReadStatus(AsnReader statusInfo)
    {
        if (!statusInfo.TryReadInt32(out var value) || value is < 0 or > (int)PkiStatus.RevocationNotification)
            throw new AsnContentException("PKIStatus is not one of 0..5");
        return (PkiStatus)value;
    }

    private static string ReadFreeText(AsnReader statusInfo)
    {
        var strings = statusInfo.ReadSequence();
        var parts = new List<string>();
        while (strings.HasData) parts.Add(Printable(strings.ReadCharacterString(UniversalTagNumber.UTF8String)));
        return string.Join("; ", parts);
    }

    /// <summary>Status text ends up in logs and messages: control characters from a hostile TSA are replaced, length bounded.</summary>
    private static string Printable(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, 200));
        foreach (var c in text.Take(200)) builder.Append(char.IsControl(c) ? '?' : c);
        return builder.ToString();
    }
}
