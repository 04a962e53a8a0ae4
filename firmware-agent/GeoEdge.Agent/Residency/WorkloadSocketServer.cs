using System.Net.Sockets;
using GeoEdge.Agent.Configuration;
using GeoEdge.Agent.Logging;

namespace GeoEdge.Agent.Residency;

/// <summary>
/// A minimal HTTP/1.1 server on a Unix socket for local workloads: one request per connection, at most
/// <see cref="WorkloadSocketConfig.MaxConnections"/> at once (one more is answered 503 and closed without
/// being read), each request head bounded in size and time (<see cref="HttpRequestReader"/>). Each
/// request is logged with the peer's pid and uid. The socket file is removed on dispose.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class WorkloadSocketServer : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly string _path;
    private readonly ResidencyHandler _handler;
    private readonly TimeSpan _readTimeout;
    private readonly SemaphoreSlim _slots;
    private readonly AgentLog _log;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _open;

    private WorkloadSocketServer(Socket listener, WorkloadSocketConfig config, ResidencyHandler handler, AgentLog log)
    {
        _listener = listener;
        _path = config.Path!;
        _handler = handler;
        _readTimeout = TimeSpan.FromSeconds(config.ReadTimeoutSeconds);
        _slots = new SemaphoreSlim(config.MaxConnections, config.MaxConnections);
        _log = log;
        _accepting = AcceptLoopAsync();
    }

    /// <summary>Binds the socket (see <see cref="SocketFile"/>) and starts serving.</summary>
    /// <exception cref="ConfigException">A non-socket file is at the path.</exception>
    public static WorkloadSocketServer Start(WorkloadSocketConfig config, ResidencyHandler handler, AgentLog log)
    {
        var path = config.Path ?? throw new ArgumentException("no socket path", nameof(config));
        SocketFile.Prepare(path);
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Bind(new UnixDomainSocketEndPoint(path));
            // Restricted before listen(): until then connect() is refused, so no client slips in
            // through the umask's mode in between.
            File.SetUnixFileMode(path, SocketFile.SocketMode);
            socket.Listen(config.MaxConnections);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        log.Info($"serving {ResidencyHandler.ResidencyPath} on {path}");
        return new WorkloadSocketServer(socket, config, handler, log);
    }

    /// <summary>Connections being served now (for tests of the bound).</summary>
    public int OpenConnections => Volatile.Read(ref _open);

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stop.Token);
            }
            catch (OperationCanceledException) { return; }
            catch (ObjectDisposedException) { return; }
            catch (SocketException e)
            {
                // EMFILE and the like: pause rather than spin, and keep serving once it clears.
                _log.Warn($"accept failed: {e.SocketErrorCode}");
                try { await Task.Delay(100, _stop.Token); } catch (OperationCanceledException) { return; }
                continue;
            }
            if (_slots.Wait(0)) _ = ServeAsync(client);
            else _ = RefuseBusyAsync(client);
        }
    }

    private async Task ServeAsync(Socket client)
    {
        Interlocked.Increment(ref _open);
        var peer = PeerCredentials.Of(client);
        try
        {
            await using var stream = new NetworkStream(client, ownsSocket: true);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            // The response must go out within the same bound: a peer that never reads cannot hold a slot.
            deadline.CancelAfter(_readTimeout * 2);
            HttpResponse response;
            string what;
            try
            {
                var request = await HttpRequestReader.ReadAsync(stream, _readTimeout, deadline.Token);
                response = _handler.Handle(request);
                what = $"{request.Method} {Truncate(request.Target)}";
            }
            catch (HttpRequestRefusedException e)
            {
                response = HttpResponse.Error(e.Status, e.Code, e.Message);
                what = $"refused: {e.Message}";
            }
            _log.Info($"{Describe(peer)}: {what} -> {response.Status}");
            await response.WriteAsync(stream, deadline.Token);
            await CloseGracefullyAsync(client, deadline.Token);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            _log.Warn($"{Describe(peer)}: connection dropped ({e.GetType().Name})");
        }
        finally
        {
            client.Dispose();
            Interlocked.Decrement(ref _open);
            _slots.Release();
        }
    }

    private async Task RefuseBusyAsync(Socket client)
    {
        var peer = PeerCredentials.Of(client);
        _log.Warn($"{Describe(peer)}: refused, {_slots.CurrentCount} free of the connection limit");
        try
        {
            await using var stream = new NetworkStream(client, ownsSocket: true);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            deadline.CancelAfter(_readTimeout);
            await HttpResponse.Error(503, "busy", "too many connections to the agent at once; retry shortly").WriteAsync(stream, deadline.Token);
            await CloseGracefullyAsync(client, deadline.Token);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException) { }
        finally
        {
            client.Dispose();
        }
    }

    /// <summary>The most unread request bytes discarded before closing; a client sending more is cut off.</summary>
    private const int MaxDrainBytes = 64 * 1024;

    /// <summary>
    /// Closing a socket with unread bytes in its receive queue resets the connection, and the client may
    /// then lose the response (an oversize head, a refused busy client). So: end our side, then discard
    /// what the client still sends, bounded in bytes and by the connection's deadline, until it closes.
    /// </summary>
    private static async Task CloseGracefullyAsync(Socket client, CancellationToken ct)
    {
        client.Shutdown(SocketShutdown.Send);
        var discard = new byte[4096];
        for (var drained = 0; drained < MaxDrainBytes;)
        {
            var n = await client.ReceiveAsync(discard, SocketFlags.None, ct);
            if (n == 0) return;
            drained += n;
        }
    }

    private static string Describe(PeerCredentials? peer) => peer?.ToString() ?? "unknown peer";

    private static string Truncate(string s) => s.Length > 64 ? s[..64] + "..." : s;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        await _accepting;
        try
        {
            if (SocketFile.TypeOf(_path) == SocketFile.FileKind.Socket) File.Delete(_path);
        }
        catch (IOException e)
        {
            _log.Warn($"cannot remove the socket '{_path}': {e.Message}");
        }
        // _stop and _slots are not disposed: a connection still finishing may touch them, and neither
        // holds an unmanaged resource (no wait handle, no timer).
    }
}
