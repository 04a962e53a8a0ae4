using GeoEdge.Drivers.Mqtt.Native;

namespace GeoEdge.Drivers.Mqtt;

/// <summary>Starting, stopping and reviving libmosquitto's network thread (mosquitto_loop_start).
/// Everything here runs under the lifecycle lock and never on the network thread itself.</summary>
public sealed partial class MqttClient
{
    private static readonly TimeSpan StopPollInterval = TimeSpan.FromMilliseconds(250);

    private static readonly TimeSpan SocketPollInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan SupervisionInterval = TimeSpan.FromSeconds(1);

    /// <summary>MQTT's own rule for a dead peer is 1.5 keep-alive periods; the first CONNACK gets as long.</summary>
    private TimeSpan ConnackTimeout => _options.KeepAliveSeconds > 0
        ? TimeSpan.FromSeconds(_options.KeepAliveSeconds * 1.5)
        : TimeSpan.FromSeconds(30);

    /// <summary>How long the client may stay disconnected before the supervisor assumes the
    /// network thread died silently: two full back-off periods plus the join allowance.</summary>
    private TimeSpan StallLimit => _options.ReconnectDelayMax * 2 + TimeSpan.FromSeconds(10);

    /// <summary>
    /// Waits for the first CONNACK. libmosquitto 2.0 finishes a TLS handshake inside mosquitto_loop
    /// and, when it fails there, closes the socket and ends the network thread without calling
    /// on_disconnect (lib/loop.c: <c>rc = net__socket_connect_tls(mosq); if(rc) return rc;</c>), so
    /// no callback would ever end this wait. The socket is therefore watched: gone on two polls in a
    /// row with no callback means the attempt failed. A CONNACK deadline bounds everything else.
    /// </summary>
    private async Task WaitForFirstConnackAsync(TaskCompletionSource attempt, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + ConnackTimeout;
        var socketGonePolls = 0;
        while (!attempt.Task.IsCompleted)
        {
            await Task.WhenAny(attempt.Task, Task.Delay(SocketPollInterval, cancellationToken)).ConfigureAwait(false);
            if (attempt.Task.IsCompleted) break;
            cancellationToken.ThrowIfCancellationRequested();
            var where = $"connect to {_options.Host}:{_options.Port}";
            socketGonePolls = MosquittoNative.Socket(_mosq) < 0 ? socketGonePolls + 1 : 0;
            if (socketGonePolls >= 2)
                attempt.TrySetException(new MqttException(
                    $"{where} failed: libmosquitto closed the connection during the handshake; {FailureDetail(0, 0) ?? "it logged no reason"}",
                    MosquittoConstants.ErrConnectionLost, reasonCode: 0));
            else if (DateTime.UtcNow > deadline)
                attempt.TrySetException(new MqttException(
                    $"{where} failed: no CONNACK within {ConnackTimeout.TotalSeconds:0.#} s; {FailureDetail(0, 0) ?? "the broker said nothing"}",
                    MosquittoConstants.ErrTimeout, reasonCode: 0));
        }
        await attempt.Task.ConfigureAwait(false);
    }

    /// <summary>
    /// The safety net behind on_disconnect-triggered revival: the network thread can also end without
    /// any callback (a TLS handshake failing during a reconnect, see <see cref="WaitForFirstConnackAsync"/>,
    /// or errno EPROTO). A client disconnected for longer than <see cref="StallLimit"/> gets a fresh
    /// network thread; if the old one was alive after all, it is stopped first, which costs one reconnect.
    /// </summary>
    private void StartSupervision()
    {
        _supervision?.Cancel();
        var supervision = new CancellationTokenSource();
        _supervision = supervision;
        _ = Task.Run(() => SuperviseAsync(supervision.Token));
    }

    private void StopSupervision()
    {
        _supervision?.Cancel();
        _supervision = null;
    }

    private async Task SuperviseAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(SupervisionInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                if (_connected || _stopping || !_networkThreadRunning) continue;
                var downFor = TimeSpan.FromMilliseconds(Environment.TickCount64 - Volatile.Read(ref _disconnectedSinceTicks));
                if (downFor < StallLimit) continue;
                RaiseLog(MqttLogLevel.Warning, $"disconnected for {downFor.TotalSeconds:0} s; restarting libmosquitto's network thread in case it ended silently");
                await ReviveNetworkThreadAsync(afterDelay: false).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // supervision ends with the session
        }
    }

    private async Task StopNetworkThreadAsync()
    {
        StopSupervision();
        if (!await JoinNetworkThreadAsync().ConfigureAwait(false)) return; // stays "running": the caller must not free the client
        _networkThreadRunning = false;
        if (_connected)
        {
            // The DISCONNECT normally produces an on_disconnect; this covers a thread that ended without one.
            _connected = false;
            _acknowledgements.ConnectionLost();
            RaiseConnectionChanged(false);
        }
    }

    /// <summary>
    /// DISCONNECT, then join the network thread. mosquitto_loop_stop(force: false) returns only once
    /// the thread sees the "disconnected" state, and a reconnect running at that moment overwrites
    /// that state; so the join runs on its own thread while DISCONNECT is repeated until it returns.
    /// The thread sleeps at most ReconnectDelayMax between attempts, which bounds the wait. (force:
    /// true would pthread_cancel a thread that may be inside managed code.) Returns false if the
    /// thread did not end in time.
    /// </summary>
    private async Task<bool> JoinNetworkThreadAsync()
    {
        _stopping = true;
        try
        {
            MosquittoNative.DisconnectV5(_mosq, 0, 0);
            var join = Task.Factory.StartNew(() => MosquittoNative.LoopStop(_mosq, false),
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            var deadline = DateTime.UtcNow + _options.ReconnectDelayMax + TimeSpan.FromSeconds(10);
            while (!join.IsCompleted && DateTime.UtcNow < deadline)
            {
                await Task.WhenAny(join, Task.Delay(StopPollInterval)).ConfigureAwait(false);
                if (!join.IsCompleted) MosquittoNative.DisconnectV5(_mosq, 0, 0);
            }
            return join.IsCompleted;
        }
        finally
        {
            _stopping = false;
        }
    }

    /// <summary>
    /// libmosquitto's network thread gives up, instead of reconnecting, after some errors: a TLS
    /// failure or a protocol error among them (<see cref="MosquittoConstants.EndsNetworkThread"/>).
    /// A client that was connected must keep trying, as it does after any other drop: wait the
    /// reconnect delay, join the ended thread, and start a new one on a fresh connect.
    /// </summary>
    private async Task ReviveNetworkThreadAsync(bool afterDelay)
    {
        if (afterDelay) await Task.Delay(_options.ReconnectDelayMin).ConfigureAwait(false);
        await _lifecycle.WaitAsync().ConfigureAwait(false);
        try
        {
            if (Volatile.Read(ref _disposed) != 0 || !_networkThreadRunning || _connected) return;
            Volatile.Write(ref _disconnectedSinceTicks, Environment.TickCount64); // one revival per stall period
            if (!await JoinNetworkThreadAsync().ConfigureAwait(false))
            {
                RaiseLog(MqttLogLevel.Error, "the network thread did not stop for a restart; the client is stuck disconnected");
                return;
            }
            // A refused TCP connect here is fine: the new thread keeps retrying with back-off.
            MosquittoNative.ReconnectAsync(_mosq);
            var rc = MosquittoNative.LoopStart(_mosq);
            if (rc == MosquittoConstants.Success)
            {
                RaiseLog(MqttLogLevel.Warning, "started a new libmosquitto network thread; the previous one had ended (or was stopped for it)");
                return;
            }
            _networkThreadRunning = false;
            RaiseLog(MqttLogLevel.Error, "could not restart the network thread; the client stays disconnected",
                MqttException.FromError(rc, "mosquitto_loop_start"));
        }
        catch (Exception e)
        {
            RaiseLog(MqttLogLevel.Error, "reviving the network thread failed", e);
        }
        finally
        {
            _lifecycle.Release();
        }
    }
}
