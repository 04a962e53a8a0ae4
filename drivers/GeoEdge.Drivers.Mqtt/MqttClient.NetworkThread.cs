using GeoEdge.Drivers.Mqtt.Native;

namespace GeoEdge.Drivers.Mqtt;

/// <summary>Starting, stopping and reviving libmosquitto's network thread (mosquitto_loop_start).
/// Everything here runs under the lifecycle lock and never on the network thread itself.</summary>
public sealed partial class MqttClient
{
    private static readonly TimeSpan StopPollInterval = TimeSpan.FromMilliseconds(250);

    private async Task StopNetworkThreadAsync()
    {
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
    private async Task ReviveNetworkThreadAsync()
    {
        await Task.Delay(_options.ReconnectDelayMin).ConfigureAwait(false);
        await _lifecycle.WaitAsync().ConfigureAwait(false);
        try
        {
            if (Volatile.Read(ref _disposed) != 0 || !_networkThreadRunning || _connected) return;
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
                RaiseLog(MqttLogLevel.Warning, "libmosquitto's network thread had ended after a fatal error; started a new one");
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
