using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace GeoEdge.Geolocation;

/// <summary>
/// An OAuth 2.0 client-credentials access token (RFC 6749 §4.4), fetched on first use and cached until
/// shortly before it expires. One fetch at a time: concurrent callers wait for it instead of each asking.
/// </summary>
internal sealed class ClientCredentialsToken(HttpClient http, CamaraOptions options, TimeProvider time) : IDisposable
{
    /// <summary>RFC 6749 makes expires_in optional; without it, a token is not trusted for long.</summary>
    private static readonly TimeSpan AssumedLifetime = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _fetching = new(1, 1);
    private string? _token;
    private DateTimeOffset _refreshAt;

    /// <summary>How many tokens were fetched (for tests and metrics).</summary>
    public int Fetches { get; private set; }

    /// <summary>
    /// A valid token. <paramref name="rejected"/> is a token the API just refused with 401: it is replaced,
    /// unless another caller already replaced it meanwhile.
    /// </summary>
    public async Task<string> GetAsync(string? rejected, CancellationToken ct)
    {
        await _fetching.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_token is not null && _token != rejected && time.GetUtcNow() < _refreshAt) return _token;
            _token = null;
            var obtained = time.GetUtcNow();
            var (token, expiresIn) = await FetchAsync(ct).ConfigureAwait(false);
            var lifetime = expiresIn is { } seconds ? TimeSpan.FromSeconds(seconds) : AssumedLifetime;
            var margin = options.TokenRefreshMargin < lifetime / 2 ? options.TokenRefreshMargin : lifetime / 2;
            _token = token;
            _refreshAt = obtained + lifetime - margin;
            Fetches++;
            return token;
        }
        finally
        {
            _fetching.Release();
        }
    }

    private async Task<(string Token, int? ExpiresIn)> FetchAsync(CancellationToken ct)
    {
        var form = new List<KeyValuePair<string, string>> { new("grant_type", "client_credentials") };
        if (options.Scope is { } scope) form.Add(new("scope", scope));
        using var request = new HttpRequestMessage(HttpMethod.Post, options.TokenUrl) { Content = new FormUrlEncodedContent(form) };
        // RFC 6749 §2.3.1: id and secret are form-urlencoded before they are joined for Basic.
        var credentials = $"{WebUtility.UrlEncode(options.ClientId)}:{WebUtility.UrlEncode(options.ClientSecret)}";
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        var answer = await BoundedExchange.SendAsync(http, request, options, "token endpoint", ct).ConfigureAwait(false);
        using (answer.Response)
        {
            if (answer.Status == HttpStatusCode.OK) return CamaraJson.TokenResponse(answer.Body);
            var status = (int)answer.Status;
            throw CamaraJson.OAuthError(answer.Body) is { } error
                ? new CamaraException(status, error.Error, $"token endpoint refused the client credentials: {CamaraJson.Shown(error.Error)}"
                    + (error.Description is { } d ? $" ({CamaraJson.Shown(d)})" : ""))
                : new CamaraException(status, null, $"token endpoint answered HTTP {status} without an OAuth error body");
        }
    }

    public void Dispose() => _fetching.Dispose();
}
