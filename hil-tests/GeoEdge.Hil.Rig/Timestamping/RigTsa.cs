using System.Collections.Concurrent;
using System.Net;
using GeoEdge.Hil.Rig.Processes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GeoEdge.Hil.Rig.Timestamping;

/// <summary>
/// A local RFC 3161 time-stamping authority on 127.0.0.1: each POSTed application/timestamp-query is
/// answered by a real `openssl ts -reply` (SHA-256 signer digest, accuracy 1 s, ordering no, a serial
/// file), signed by a TSA certificate of the TSA's own throw-away CA. Tests script faults one request at a
/// time; every member is safe to call while requests are served.
/// </summary>
public sealed class RigTsa : IAsyncDisposable
{
    /// <summary>Queries above this are refused (413) before openssl sees them; a real one is under 100 bytes.</summary>
    public const int MaxQueryBytes = 16 * 1024;

    private readonly WebApplication _app;
    private readonly OpensslTsReply _openssl;
    private readonly ConcurrentQueue<TsaFault> _faults = new();
    private byte[]? _previousReply;
    private int _requests;

    /// <summary>POST queries here.</summary>
    public string Url => $"http://127.0.0.1:{Port}/tsa";
    public int Port { get; private set; }

    /// <summary>PEM of the CA that certifies this TSA: the bridge's Bridge:Timestamping:TrustedCaFile.</summary>
    public string CaCertificatePath { get; }

    /// <summary>PEM of the TSA's signing certificate.</summary>
    public string TsaCertificatePath { get; }

    /// <summary>Every HTTP request received, whatever its outcome.</summary>
    public int RequestCount => Volatile.Read(ref _requests);

    private RigTsa(WebApplication app, OpensslTsReply openssl, TsaCertificates.Files pki)
    {
        _app = app;
        _openssl = openssl;
        CaCertificatePath = pki.CaCertificate;
        TsaCertificatePath = pki.TsaCertificate;
    }

    /// <param name="directory">Where the keys, certificates, openssl config, serial file and logs go (the caller owns it).</param>
    /// <param name="name">The TSA's common name (its CA is "NAME CA").</param>
    public static async Task<RigTsa> StartAsync(string directory, string name = "GeoEdge rig TSA", TsaCertificateProfile? certificate = null)
    {
        Directory.CreateDirectory(directory);
        var pki = TsaCertificates.Create(directory, name, certificate ?? new TsaCertificateProfile());
        var config = OpensslTsConfig.Write(directory, pki);
        var openssl = new OpensslTsReply(directory, config, TimeSpan.FromSeconds(10));

        // The empty builder reads no appsettings, environment URLs or command line: the only listener is loopback.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Limits.MaxRequestBodySize = MaxQueryBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 16 * 1024;
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
        });
        var app = builder.Build();
        var tsa = new RigTsa(app, openssl, pki);
        app.Run(tsa.HandleAsync);
        try
        {
            await app.StartAsync();
        }
        catch (Exception e)
        {
            await app.DisposeAsync();
            throw new RigException($"the rig TSA could not listen on 127.0.0.1: {e.Message}", e);
        }
        tsa.Port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()).Port;
        return tsa;
    }

    /// <summary>The next request (one per call, in order) meets this fault.</summary>
    public void FailNext(TsaFault fault) => _faults.Enqueue(fault ?? throw new ArgumentNullException(nameof(fault)));

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        try
        {
            if (context.Request.Method != "POST" || context.Request.Path != "/tsa")
            {
                await PlainAsync(context, 404, "POST application/timestamp-query to /tsa");
                return;
            }
            if (!string.Equals(context.Request.ContentType, "application/timestamp-query", StringComparison.OrdinalIgnoreCase))
            {
                await PlainAsync(context, 415, "the body must be application/timestamp-query");
                return;
            }
            var query = await ReadQueryAsync(context);
            if (query is null)
            {
                await PlainAsync(context, 413, $"queries are limited to {MaxQueryBytes} bytes");
                return;
            }
            _faults.TryDequeue(out var fault);
            await AnswerAsync(context, query, fault);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up (a timeout test): nobody to answer.
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            await PlainAsync(context, e.StatusCode, e.Message);
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            // openssl failing or a bug here shows as a 500 naming it, never as a dead server.
            await PlainAsync(context, 500, $"rig TSA: {e.GetType().Name}: {e.Message}");
        }
    }

    private async Task AnswerAsync(HttpContext context, byte[] query, TsaFault? fault)
    {
        var cancel = context.RequestAborted;
        switch (fault)
        {
            case TsaFault.ServerError:
                await PlainAsync(context, 500, "scripted internal error");
                return;
            case TsaFault.Garbage:
                await ReplyAsync(context, "this is not a TimeStampResp"u8.ToArray());
                return;
            case TsaFault.ReplayPrevious when _previousReply is { } previous:
                await ReplyAsync(context, previous);
                return;
            case TsaFault.Delay delay:
                await Task.Delay(delay.Wait, cancel);
                break;
        }
        var section = fault is TsaFault.Rejection ? OpensslTsConfig.RejectingSection : OpensslTsConfig.ServingSection;
        var reply = await _openssl.ReplyAsync(query, section, cancel);
        _previousReply = reply;
        if (fault is TsaFault.Oversize oversize)
        {
            // Trailing bytes after the DER: a client must stop reading at its bound, not parse and ignore them.
            var padded = new byte[Math.Max(oversize.Bytes, reply.Length)];
            reply.CopyTo(padded, 0);
            reply = padded;
        }
        await ReplyAsync(context, reply);
    }

    private static async Task<byte[]?> ReadQueryAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxQueryBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxQueryBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static async Task ReplyAsync(HttpContext context, byte[] body)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/timestamp-reply";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    private static async Task PlainAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(text + "\n", context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(deadline.Token);
        await _app.DisposeAsync();
    }
}
