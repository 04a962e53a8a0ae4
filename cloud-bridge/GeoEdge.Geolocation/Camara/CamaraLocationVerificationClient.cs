using System.Net;
using System.Net.Http.Headers;

namespace GeoEdge.Geolocation;

/// <summary>
/// Client of CAMARA Device Location Verification v3 (<c>POST {base}/location-verification/v3/verify</c>)
/// with a two-legged client-credentials token. Every answer is size-bounded, time-bounded and checked
/// against the API's rules before it is believed; every failure is a <see cref="CamaraException"/>.
/// Thread-safe; the token is shared by all calls. Does not own the HttpClient.
/// </summary>
public sealed class CamaraLocationVerificationClient : IDisposable
{
    /// <summary>CAMARA's bounds for a circle's radius, in meters (operators may require more: INVALID_AREA).</summary>
    public const int MinRadiusMeters = 1, MaxRadiusMeters = 200_000;

    private const string CorrelatorHeader = "x-correlator";
    private readonly HttpClient _http;
    private readonly CamaraOptions _options;
    private readonly TimeProvider _time;
    private readonly ClientCredentialsToken _token;

    public CamaraLocationVerificationClient(HttpClient http, CamaraOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        _http = http;
        _options = options;
        _time = time;
        _token = new ClientCredentialsToken(http, options, time);
    }

    /// <summary>Access tokens fetched so far.</summary>
    public int TokenFetches => _token.Fetches;

    /// <summary>
    /// Asks whether the device is within <paramref name="radiusMeters"/> (rounded up to whole meters, as the
    /// API takes an integer) of the point. <paramref name="maxAgeSeconds"/>: the oldest network location
    /// acceptable (0 = a fresh one); the answer's lastLocationTime is held to it.
    /// </summary>
    /// <exception cref="ArgumentException">the question itself is invalid (no request is sent).</exception>
    /// <exception cref="CamaraException">no valid answer: HTTP/CAMARA error, timeout, network, or a malformed answer.</exception>
    public async Task<LocationVerification> VerifyAsync(CamaraDevice device, double latitude, double longitude, double radiusMeters, int? maxAgeSeconds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(device);
        device.Validate();
        if (!double.IsFinite(latitude) || latitude is < -90 or > 90) throw new ArgumentOutOfRangeException(nameof(latitude), latitude, "must be in [-90, 90]");
        if (!double.IsFinite(longitude) || longitude is < -180 or > 180) throw new ArgumentOutOfRangeException(nameof(longitude), longitude, "must be in [-180, 180]");
        if (!double.IsFinite(radiusMeters) || radiusMeters < MinRadiusMeters || radiusMeters > MaxRadiusMeters)
            throw new ArgumentOutOfRangeException(nameof(radiusMeters), radiusMeters, $"CAMARA takes a radius of {MinRadiusMeters}-{MaxRadiusMeters} m");
        if (maxAgeSeconds is < 0) throw new ArgumentOutOfRangeException(nameof(maxAgeSeconds), maxAgeSeconds, "must be 0 or more seconds");
        var body = CamaraJson.VerifyRequest(device, latitude, longitude, (int)Math.Ceiling(radiusMeters), maxAgeSeconds);

        var token = await _token.GetAsync(null, ct).ConfigureAwait(false);
        var answer = await PostVerifyAsync(body, token, ct).ConfigureAwait(false);
        if (answer.Status == HttpStatusCode.Unauthorized)
        {
            // The token may have been revoked or expired early: one fresh token, one more try.
            answer.Response.Dispose();
            token = await _token.GetAsync(token, ct).ConfigureAwait(false);
            answer = await PostVerifyAsync(body, token, ct).ConfigureAwait(false);
        }
        using (answer.Response)
        {
            if (IsUnableToLocate(answer)) return new LocationVerification(VerificationResult.Unknown, null, null);
            if (answer.Status != HttpStatusCode.OK) throw Failure(answer);
            if (answer.MediaType is not { } media || !(media.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase)))
                throw new CamaraException(200, CamaraException.InvalidResponse, $"verify answer has content type '{CamaraJson.Shown(answer.MediaType)}', not application/json");
            var (result, matchRate, lastLocationTime) = CamaraJson.VerifyResponse(answer.Body);
            CheckTime(result, lastLocationTime, maxAgeSeconds);
            return new LocationVerification(result, matchRate, lastLocationTime);
        }
    }

    private async Task<HttpAnswer> PostVerifyAsync(byte[] body, string token, CancellationToken ct)
    {
        var correlator = Guid.NewGuid().ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, _options.VerifyUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.TryAddWithoutValidation(CorrelatorHeader, correlator);
        var answer = await BoundedExchange.SendAsync(_http, request, _options, "location verification", ct).ConfigureAwait(false);
        // CAMARA echoes x-correlator; a different one means the answer belongs to another request.
        if (answer.Response.Headers.TryGetValues(CorrelatorHeader, out var echoed) && echoed.FirstOrDefault() != correlator)
        {
            answer.Response.Dispose();
            throw new CamaraException((int)answer.Status, CamaraException.InvalidResponse,
                $"x-correlator '{CamaraJson.Shown(echoed.FirstOrDefault())}' in the answer is not the '{correlator}' sent");
        }
        return answer;
    }

    /// <summary>
    /// v3 says "cannot locate the device" with 422 LOCATION_VERIFICATION.UNABLE_TO_LOCATE where earlier
    /// versions answered verificationResult UNKNOWN: both are the same answer, not a failure of the exchange.
    /// </summary>
    private static bool IsUnableToLocate(HttpAnswer answer) =>
        answer.Status == HttpStatusCode.UnprocessableContent && CamaraJson.ErrorInfo(answer.Body) is { Code: UnableToLocate };

    public const string UnableToLocate = "LOCATION_VERIFICATION.UNABLE_TO_LOCATE";

    private static CamaraException Failure(HttpAnswer answer)
    {
        var status = (int)answer.Status;
        if (CamaraJson.ErrorInfo(answer.Body) is not { } error)
            return new CamaraException(status, null, $"location verification answered HTTP {status} without a CAMARA error body");
        var mismatch = error.Status is { } bodyStatus && bodyStatus != status ? $" (body says status {bodyStatus})" : "";
        return new CamaraException(status, CamaraJson.Shown(error.Code), $"location verification failed: HTTP {status} {CamaraJson.Shown(error.Code)}: {CamaraJson.Shown(error.Message)}{mismatch}");
    }

    /// <summary>A location from the future, or older than the maxAge asked for, is an answer to some other question.</summary>
    private void CheckTime(VerificationResult result, DateTimeOffset? lastLocationTime, int? maxAgeSeconds)
    {
        if (lastLocationTime is not { } located) return;
        var now = _time.GetUtcNow();
        if (located > now + _options.MaxClockSkew)
            throw new CamaraException(200, CamaraException.InvalidResponse, $"lastLocationTime {located:O} is in the future (now {now:O})");
        if (result != VerificationResult.Unknown && maxAgeSeconds is { } maxAge && located < now - TimeSpan.FromSeconds(maxAge) - _options.MaxClockSkew)
            throw new CamaraException(200, CamaraException.InvalidResponse, $"{result} is based on a location from {located:O}, older than the maxAge of {maxAge} s");
    }

    public void Dispose() => _token.Dispose();
}
