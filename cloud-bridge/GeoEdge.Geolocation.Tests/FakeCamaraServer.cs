using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GeoEdge.Geolocation.Tests;

/// <summary>What the fake server received.</summary>
public sealed record RecordedRequest(string Method, string Path, string? Authorization, string? ContentType, string? Correlator, string Body);

/// <summary>What the fake server answers: status, body, and the ways a real operator can misbehave.</summary>
public sealed record FakeReply(int Status, string Body, string ContentType = "application/json")
{
    public TimeSpan Delay { get; init; }
    /// <summary>Null: echo the request's x-correlator, as CAMARA requires. Otherwise send this one.</summary>
    public string? Correlator { get; init; }

    public static FakeReply Json(int status, string body) => new(status, body);

    public static FakeReply Error(int status, string code, string message = "explained") =>
        new(status, $$"""{"status":{{status}},"code":"{{code}}","message":"{{message}}"}""");
}

/// <summary>
/// A CAMARA operator on a loopback HttpListener: /token (client credentials) and
/// /location-verification/v3/verify, each answering through a replaceable handler. Real HTTP, so the
/// client's headers, size limits and timeouts are exercised as they will be against an operator.
/// </summary>
public sealed class FakeCamaraServer : IDisposable
{
    public const string ClientId = "geoedge-bridge";
    public const string ClientSecret = "s3cret:with/odd&chars";

    private readonly HttpListener _listener;
    private readonly Task _loop;
    private readonly List<RecordedRequest> _requests = [];
    private int _tokens;

    public Uri BaseUrl { get; }
    public Uri TokenUrl => new(BaseUrl, "token");

    /// <summary>Default: a fresh token "token-N" valid for an hour.</summary>
    public Func<RecordedRequest, FakeReply> OnToken { get; set; }

    /// <summary>Default: TRUE, located a minute ago.</summary>
    public Func<RecordedRequest, FakeReply> OnVerify { get; set; } =
        _ => FakeReply.Json(200, $$"""{"lastLocationTime":"{{Places.Now.AddMinutes(-1):yyyy-MM-ddTHH:mm:ssZ}}","verificationResult":"TRUE"}""");

    public FakeCamaraServer()
    {
        OnToken = _ => FakeReply.Json(200, $$"""{"access_token":"token-{{Interlocked.Increment(ref _tokens)}}","token_type":"Bearer","expires_in":3600}""");
        (_listener, BaseUrl) = Listen();
        _loop = Task.Run(ServeAsync);
    }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get { lock (_requests) return _requests.ToList(); }
    }

    public IReadOnlyList<RecordedRequest> VerifyRequests => Requests.Where(r => r.Path.EndsWith("/verify", StringComparison.Ordinal)).ToList();

    public IReadOnlyList<RecordedRequest> TokenRequests => Requests.Where(r => r.Path == "/token").ToList();

    /// <summary>A free loopback port from the kernel; retried, as another process may take it first.</summary>
    private static (HttpListener, Uri) Listen()
    {
        for (var attempt = 0; ; attempt++)
        {
            int port;
            using (var probe = new TcpListener(IPAddress.Loopback, 0))
            {
                probe.Start();
                port = ((IPEndPoint)probe.LocalEndpoint).Port;
            }
            var listener = new HttpListener();
            var url = $"http://127.0.0.1:{port}/";
            listener.Prefixes.Add(url);
            try
            {
                listener.Start();
                return (listener, new Uri(url));
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                listener.Close();
            }
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            var request = context.Request;
            string body;
            using (var reader = new StreamReader(request.InputStream, Encoding.UTF8)) body = await reader.ReadToEndAsync();
            var recorded = new RecordedRequest(request.HttpMethod, request.Url!.AbsolutePath, request.Headers["Authorization"],
                request.ContentType, request.Headers["x-correlator"], body);
            lock (_requests) _requests.Add(recorded);
            var reply = recorded.Path switch
            {
                "/token" => OnToken(recorded),
                "/location-verification/v3/verify" => OnVerify(recorded),
                _ => FakeReply.Error(404, "NOT_FOUND"),
            };
            if (reply.Delay > TimeSpan.Zero) await Task.Delay(reply.Delay);
            var response = context.Response;
            response.StatusCode = reply.Status;
            response.ContentType = reply.ContentType;
            var correlator = reply.Correlator ?? recorded.Correlator;
            if (correlator is not null) response.Headers["x-correlator"] = correlator;
            var bytes = Encoding.UTF8.GetBytes(reply.Body);
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes);
            response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client gave up (timeout tests) or the server is stopping.
        }
    }

    public void Dispose()
    {
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
