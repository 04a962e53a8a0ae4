using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;

namespace GeoEdge.Timestamping;

/// <summary>
/// Gets RFC 3161 timestamps from one configured TSA over HTTP (RFC 3161 section 3.4): a SHA-256 imprint,
/// a fresh random nonce, certReq true; the answer is accepted only when every check of
/// <see cref="TokenChecks"/> holds, its nonce is ours and its genTime is near the local clock.
/// Safe for concurrent use.
/// </summary>
public sealed class TimestampClient : IDisposable
{
    public const string QueryMediaType = "application/timestamp-query";
    public const string ReplyMediaType = "application/timestamp-reply";

    private readonly TimestampClientOptions _options;
    private readonly HttpClient _http;

    public Uri Url => _options.Url;

    /// <exception cref="ArgumentException">the options are out of range.</exception>
    public TimestampClient(TimestampClientOptions options)
    {
        options.Validate();
        _options = options;
        // Redirects are refused rather than followed: the configured URL is the TSA. The timeout is ours, per request.
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, ConnectTimeout = options.Timeout })
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>Timestamps SHA-256(<paramref name="data"/>).</summary>
    /// <exception cref="TimestampException">no acceptable token; <see cref="TimestampException.Reason"/> says why.</exception>
    public async Task<VerifiedTimestamp> TimestampAsync(ReadOnlyMemory<byte> data, CancellationToken cancel = default)
    {
        var nonce = NewNonce();
        var request = Rfc3161TimestampRequest.CreateFromData(data.Span, HashAlgorithmName.SHA256, requestedPolicyId: null, nonce: nonce, requestSignerCertificates: true);
        var body = await ExchangeAsync(request.Encode(), cancel);
        var tokenBytes = TimeStampResponse.GrantedToken(body);
        var token = TimestampVerifier.Decode(tokenBytes);
        if (token.TokenInfo.GetNonce() is not { } answered || !TrimLeadingZeros(answered.Span).SequenceEqual(TrimLeadingZeros(nonce)))
            throw new TimestampException(TimestampFailure.NonceMismatch,
                $"the token's nonce {(token.TokenInfo.GetNonce() is { } n ? Convert.ToHexString(n.Span) : "(none)")} is not the request's {Convert.ToHexString(nonce)}");
        var verified = TokenChecks.Verify(token, tokenBytes, data.Span, _options.TrustedCas);
        var now = _options.Clock.GetUtcNow();
        if ((verified.GenTime - now).Duration() > _options.MaxClockSkew)
            throw new TimestampException(TimestampFailure.GenTimeOutOfRange,
                $"genTime {verified.GenTime.UtcDateTime:O} is {(verified.GenTime - now).TotalSeconds:0.###} s from the local clock ({now.UtcDateTime:O}), more than {_options.MaxClockSkew.TotalSeconds} s");
        return verified;
    }

    private async Task<byte[]> ExchangeAsync(byte[] query, CancellationToken cancel)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        deadline.CancelAfter(_options.Timeout);
        try
        {
            using var content = new ByteArrayContent(query);
            content.Headers.ContentType = new MediaTypeHeaderValue(QueryMediaType);
            using var response = await _http.PostAsync(_options.Url, content, deadline.Token);
            if (response.StatusCode != HttpStatusCode.OK)
                throw new TimestampException(TimestampFailure.HttpStatus, $"{_options.Url} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (!string.Equals(mediaType, ReplyMediaType, StringComparison.OrdinalIgnoreCase))
                throw new TimestampException(TimestampFailure.WrongContentType, $"{_options.Url} answered Content-Type '{mediaType}', not {ReplyMediaType}");
            return await BoundedBody.ReadAsync(response.Content, _options.MaxResponseBytes, deadline.Token);
        }
        catch (OperationCanceledException e) when (!cancel.IsCancellationRequested)
        {
            throw new TimestampException(TimestampFailure.TsaTimeout, $"{_options.Url} did not answer within {_options.Timeout.TotalSeconds:0.###} s", e);
        }
        catch (HttpRequestException e)
        {
            throw new TimestampException(TimestampFailure.TsaUnreachable, $"{_options.Url}: {e.Message}", e);
        }
        catch (IOException e)
        {
            throw new TimestampException(TimestampFailure.TsaUnreachable, $"{_options.Url}: the connection failed while reading the answer: {e.Message}", e);
        }
    }

    /// <summary>64 random bits with the top byte in 1..127: positive, and no leading zero for a TSA to drop.</summary>
    private static byte[] NewNonce()
    {
        var nonce = RandomNumberGenerator.GetBytes(8);
        nonce[0] = (byte)(1 + nonce[0] % 127);
        return nonce;
    }

    private static ReadOnlySpan<byte> TrimLeadingZeros(ReadOnlySpan<byte> value)
    {
        var i = 0;
        while (i < value.Length - 1 && value[i] == 0) i++;
        return value[i..];
    }

    public void Dispose() => _http.Dispose();
}
