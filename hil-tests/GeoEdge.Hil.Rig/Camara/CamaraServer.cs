using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GeoEdge.Hil.Rig.Camara;

/// <summary>
/// A local mobile operator speaking CAMARA Device Location Verification v3 (3.0.0) on
/// 127.0.0.1 only: <c>POST /token</c> (client credentials, HTTP Basic) and
/// <c>POST /location-verification/v3/verify</c>. Tests script what the network knows about each
/// SIM; every scripting member is safe to call from any thread while requests are served.
/// </summary>
public sealed class CamaraServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CamaraServerOptions _options;
    private readonly AccessTokens _tokens;
    private readonly DeviceRegistry _devices;
    private readonly ScriptedFaults _faults;
    private readonly VerifyEndpoint _verify;
    private readonly TokenEndpoint _token;
    private int _requests;

    /// <summary>The apiRoot: the verify operation is at <c>{BaseUrl}/location-verification/v3/verify</c>.</summary>
    public string BaseUrl => $"http://127.0.0.1:{Port}";
    public string TokenUrl => BaseUrl + "/token";
    public string VerifyUrl => BaseUrl + VerifyEndpoint.Path;
    /// <summary>The loopback port actually bound (the kernel's choice when the options said 0).</summary>
    public int Port { get; private set; }

    /// <summary>Every HTTP request received, whatever its path or outcome.</summary>
    public int RequestCount => Volatile.Read(ref _requests);
    /// <summary>Requests that reached the verify path, answered or refused.</summary>
    public int VerifyRequestCount => _verify.Requests;
    /// <summary>Access tokens issued by the token endpoint and <see cref="IssueDeviceToken"/>.</summary>
    public int TokensIssued => _tokens.Issued;

    private CamaraServer(WebApplication app, CamaraServerOptions options)
    {
        _app = app;
        _options = options;
        _tokens = new AccessTokens(options.Clock);
        _devices = new DeviceRegistry();
        _faults = new ScriptedFaults();
        _verify = new VerifyEndpoint(options, _tokens, _devices, _faults);
        _token = new TokenEndpoint(options, _tokens);
    }

    public static async Task<CamaraServer> StartAsync(CamaraServerOptions? options = null)
    {
        options ??= new CamaraServerOptions();
        options.Validate();

        // The empty builder reads no appsettings, environment URLs or command line: the only
        // listener is the loopback one below.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port);
            // Backstops behind the endpoints' own byte limit: headers and bodies stay small.
            kestrel.Limits.MaxRequestBodySize = CamaraHttp.DrainLimitBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 16 * 1024;
            kestrel.Limits.MaxRequestHeaderCount = 50;
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
        });
        var app = builder.Build();
        var server = new CamaraServer(app, options);
        app.Run(server.RouteAsync);
        try
        {
            await app.StartAsync();
        }
        catch (Exception e)
        {
            await app.DisposeAsync();
            throw new Processes.RigException($"the CAMARA server could not listen on 127.0.0.1:{options.Port}: {e.Message}", e);
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.Port = new Uri(address).Port;
        return server;
    }

    /// <summary>
    /// Where the network places the SIM: a circle of <paramref name="accuracyMeters"/> around the
    /// point. With <paramref name="at"/> the fix was taken then and ages (maxAge can refuse it);
    /// without, the network tracks the SIM live and every query gets a fresh fix.
    /// </summary>
    public void SetDeviceLocation(string phoneNumber, double latitude, double longitude, double accuracyMeters, DateTimeOffset? at = null)
    {
        RequirePhoneNumber(phoneNumber);
        if (!(latitude is >= -90 and <= 90) || !(longitude is >= -180 and <= 180))
            throw new ArgumentOutOfRangeException(nameof(latitude), $"({latitude}, {longitude}) is not a WGS-84 position");
        if (!(accuracyMeters >= 0) || !double.IsFinite(accuracyMeters))
            throw new ArgumentOutOfRangeException(nameof(accuracyMeters), $"accuracy {accuracyMeters} m must be finite and not negative");
        _devices.Locate(phoneNumber, new DeviceFix(latitude, longitude, accuracyMeters, at));
    }

    /// <summary>
    /// The subscriber exists but the network cannot place it: 422
    /// LOCATION_VERIFICATION.UNABLE_TO_LOCATE, which replaced v2's verificationResult UNKNOWN.
    /// </summary>
    public void SetUnlocatable(string phoneNumber)
    {
        RequirePhoneNumber(phoneNumber);
        _devices.MakeUnlocatable(phoneNumber);
    }

    /// <summary>The operator no longer knows the number: 404 IDENTIFIER_NOT_FOUND.</summary>
    public void ForgetDevice(string phoneNumber) => _devices.Forget(phoneNumber);

    /// <summary>The next verify request (one per call, in order) is answered with this error.</summary>
    public void FailNext(int status, string code, string? message = null)
    {
        if (status is < 400 or > 599) throw new ArgumentOutOfRangeException(nameof(status), $"{status} is not an HTTP error status");
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        _faults.Enqueue(new CamaraError(status, code, message ?? $"scripted {code}"));
    }

    /// <summary>Delay before each verify answer, e.g. to drive a client's timeout.</summary>
    public void SetLatency(TimeSpan latency)
    {
        if (latency < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(latency), "latency must not be negative");
        _faults.Latency = latency;
    }

    /// <summary>Every token issued so far expires now; the next verify with one is 401.</summary>
    public void ExpireTokens() => _tokens.ExpireAll();

    /// <summary>
    /// A token as a three-legged flow (authorization code or CIBA) would give: it identifies the
    /// subscriber, so a verify with it must not name a device (422 UNNECESSARY_IDENTIFIER).
    /// </summary>
    public string IssueDeviceToken(string phoneNumber)
    {
        RequirePhoneNumber(phoneNumber);
        return _tokens.Issue([CamaraServerOptions.VerifyScope], _options.TokenLifetime, phoneNumber).Value;
    }

    /// <summary>Verify requests answered with a verdict (200) for this subscriber.</summary>
    public int VerificationsFor(string phoneNumber) => _devices.VerdictsFor(phoneNumber);

    public async ValueTask DisposeAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(deadline.Token);
        await _app.DisposeAsync();
    }

    private async Task RouteAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        try
        {
            switch (context.Request.Path.Value)
            {
                case "/token":
                    await _token.HandleAsync(context);
                    break;
                case VerifyEndpoint.Path:
                    await _verify.HandleAsync(context);
                    break;
                default:
                    await CamaraHttp.WriteErrorAsync(context, new CamaraError(404, "NOT_FOUND", "the specified resource is not found"));
                    break;
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel's own limits (body size backstop, malformed framing).
            if (!context.Response.HasStarted)
                await CamaraHttp.WriteErrorAsync(context, CamaraError.InvalidArgument($"malformed request: {e.Message}"));
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            // A bug here must show as a 500 in the test, never as a dead server.
            await CamaraHttp.WriteErrorAsync(context, new CamaraError(500, "INTERNAL", $"server error: {e.GetType().Name}: {e.Message}"));
        }
    }

    private static void RequirePhoneNumber(string phoneNumber)
    {
        if (phoneNumber is null || !DeviceIdentifierRules.IsPhoneNumber(phoneNumber))
            throw new ArgumentException($"'{phoneNumber}' is not an E.164 phone number with '+' (^\\+[1-9][0-9]{{4,14}}$)", nameof(phoneNumber));
    }
}
