using System.Runtime.InteropServices;
using System.Threading.Channels;
using GeoEdge.Drivers.Mqtt.Native;

namespace GeoEdge.Drivers.Mqtt;

/// <summary>
/// An MQTT v5 client over libmosquitto. libmosquitto runs its own network thread (loop_start), which
/// also reconnects after a drop, with the configured back-off; every callback from that thread is
/// handed off at once: messages into <see cref="Messages"/>, acknowledgements into tasks completed
/// asynchronously, events onto a thread-pool pump.
/// <para>Thread-safety: PublishAsync and SubscribeAsync may be called from any thread at any time.
/// ConnectAsync, DisconnectAsync and DisposeAsync are serialised with each other.</para>
/// <para>QoS 1/2 and connection loss: a message libmosquitto has accepted stays in its in-memory
/// queue until the broker acknowledges it. When the connection drops, unacknowledged messages (and
/// those published while offline) are sent again, with the DUP flag, right after the next CONNACK,
/// so the PublishAsync task completes when the broker is back. The queue lives only in this
/// process: disposing the client, or the process ending, loses it (the agent's durable outbox is the
/// place for anything that must survive that).</para>
/// </summary>
public sealed partial class MqttClient : IAsyncDisposable
{
    /// <summary>The largest payload MQTT can carry (remaining length 268,435,455 minus headers).</summary>
    public const int MaxPayloadBytes = 268_435_455;

    private readonly MqttClientOptions _options;
    private readonly nint _mosq;
    private GCHandle _self;
    private readonly Channel<MqttMessage> _messages = Channel.CreateUnbounded<MqttMessage>(new UnboundedChannelOptions { SingleWriter = false });
    private readonly AcknowledgementTable _acknowledgements = new();
    private readonly SubscriptionBook _subscriptions = new();
    private readonly ClientEventPump _events;
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    // Held around every native call made outside the lifecycle lock, so mosquitto_destroy cannot
    // free the struct under a concurrent publish.
    private readonly Lock _nativeUse = new();
    private bool _destroyed;

    private volatile bool _networkThreadRunning;
    private volatile bool _stopping;
    private volatile bool _connected;
    private volatile bool _connectedOnce;
    private volatile TaskCompletionSource? _connectAttempt;
    private long _disconnectedSinceTicks;
    private CancellationTokenSource? _supervision;
    private volatile string? _lastLibraryError;
    private int _disposed;

    /// <summary>Raised (off the network thread, in order) with true at every successful CONNACK and
    /// false at every loss of the connection.</summary>
    public event Action<bool>? ConnectionChanged;

    /// <summary>libmosquitto's log lines and problems caught on its network thread.</summary>
    public event Action<MqttLogEntry>? Log;

    public bool IsConnected => _connected;

    /// <summary>Messages from the broker, in arrival order. Unbounded: read it continuously, or
    /// memory grows with whatever the broker sends. Completed when the client is disposed.</summary>
    public ChannelReader<MqttMessage> Messages => _messages.Reader;

    public MqttClientOptions Options => _options;

    private MqttClient(MqttClientOptions options)
    {
        _options = options;
        _events = new ClientEventPump(e => RaiseLog(MqttLogLevel.Error, "a ConnectionChanged handler threw", e));
        _self = GCHandle.Alloc(this, GCHandleType.Normal);
        _mosq = MosquittoNative.New(options.ClientId, options.CleanStart, GCHandle.ToIntPtr(_self));
    }

    /// <summary>Creates the client (nothing is sent until <see cref="ConnectAsync"/>).</summary>
    public static MqttClient Create(MqttClientOptions options)
    {
        MqttClientOptionsValidator.Validate(options);
        MosquittoLibrary.Acquire();
        MqttClient? client = null;
        try
        {
            client = new MqttClient(options);
            if (client._mosq == 0)
                throw new MqttException($"mosquitto_new failed for client id '{options.ClientId}' (errno {Marshal.GetLastSystemError()})");
            client.Configure();
            return client;
        }
        catch
        {
            if (client is null) MosquittoLibrary.Release();
            else
            {
                client.ReleaseNative();
                _ = client._events.CompleteAsync();
            }
            throw;
        }
    }

    private void Configure()
    {
        Check(MosquittoNative.IntOption(_mosq, MosquittoConstants.OptProtocolVersion, MosquittoConstants.MqttProtocolV5), "set MQTT v5");
        if (_options.MaxInflight is { } inflight)
            Check(MosquittoNative.IntOption(_mosq, MosquittoConstants.OptSendMaximum, inflight), "set MaxInflight");
        if (_options.Tls is { } tls)
            Check(MosquittoNative.TlsSet(_mosq, tls.CaFile, null, tls.CertFile, tls.KeyFile, 0), "configure TLS");
        if (_options.Username is not null)
            Check(MosquittoNative.UsernamePasswordSet(_mosq, _options.Username, _options.Password), "set user name");
        Check(MosquittoNative.ReconnectDelaySet(_mosq, WholeSeconds(_options.ReconnectDelayMin), WholeSeconds(_options.ReconnectDelayMax), exponentialBackoff: true),
            "set reconnect delay");
        InstallCallbacks();
    }

    private static uint WholeSeconds(TimeSpan delay) => (uint)Math.Max(1, Math.Round(delay.TotalSeconds));

    private static void Check(int rc, string operation)
    {
        if (rc != MosquittoConstants.Success) throw MqttException.FromError(rc, operation);
    }

    /// <summary>
    /// Connects and completes at the first successful CONNACK. Throws <see cref="MqttException"/> if
    /// this first attempt fails in any way (TCP refused, TLS handshake refused, CONNACK with a
    /// failure reason, connection closed before CONNACK): the caller decides when to try again.
    /// Once connected, later drops are repaired by libmosquitto's network thread on its own.
    /// </summary>
    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            if (_networkThreadRunning)
                throw new InvalidOperationException("the client is already connected or connecting; call DisconnectAsync first");

            var attempt = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _connectAttempt = attempt;
            _connectedOnce = false;
            _lastLibraryError = null;

            var rc = MosquittoNative.ConnectBindAsync(_mosq, _options.Host, _options.Port, _options.KeepAliveSeconds, null);
            if (rc != MosquittoConstants.Success)
                throw MqttException.FromError(rc, $"connect to {_options.Host}:{_options.Port}", FailureDetail(rc, Marshal.GetLastPInvokeError()));
            Check(MosquittoNative.LoopStart(_mosq), "start the network thread");
            _networkThreadRunning = true;
            try
            {
                await WaitForFirstConnackAsync(attempt, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await StopNetworkThreadAsync().ConfigureAwait(false);
                throw;
            }
            StartSupervision();
        }
        finally
        {
            _connectAttempt = null;
            _lifecycle.Release();
        }
    }

    private string? FailureDetail(int rc, int errno)
    {
        var detail = rc == MosquittoConstants.ErrErrno && errno != 0 ? new System.ComponentModel.Win32Exception(errno).Message : null;
        var library = _lastLibraryError;
        return (detail, library) switch
        {
            (null, null) => null,
            (_, null) => detail,
            (null, _) => $"libmosquitto said: {library}",
            _ => $"{detail}; libmosquitto said: {library}",
        };
    }

    /// <summary>
    /// Publishes and completes when the message is safe with the broker: on PUBACK (QoS 1) or PUBCOMP
    /// (QoS 2), or once written to the socket (QoS 0). A QoS 1/2 publish while the connection is
    /// down is queued by libmosquitto and completes after the reconnect. Cancelling the token ends
    /// the wait only: the message may still be delivered (at least once means duplicates are
    /// possible anyway). Throws <see cref="MqttException"/> when the broker refuses it (PUBACK
    /// reason 0x80 or above), for QoS 0 while disconnected, or when the client is disposed first
    /// (<see cref="ObjectDisposedException"/>).
    /// </summary>
    public async Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, MqttQos qos, bool retain = false, CancellationToken ct = default)
    {
        MqttTopic.ValidatePublishTopic(topic);
        if (!Enum.IsDefined(qos)) throw new ArgumentOutOfRangeException(nameof(qos), qos, "QoS must be 0, 1 or 2");
        if (payload.Length > MaxPayloadBytes)
            throw new ArgumentException($"payload of {payload.Length} bytes exceeds MQTT's {MaxPayloadBytes}", nameof(payload));
        ct.ThrowIfCancellationRequested();
        await StartPublish(topic, payload.Span, qos, retain, ct).ConfigureAwait(false);
    }

    private unsafe Task StartPublish(string topic, ReadOnlySpan<byte> payload, MqttQos qos, bool retain, CancellationToken ct)
    {
        var waiter = new PublishWaiter(topic, qos);
        var generation = _acknowledgements.ConnectionGeneration;
        // Sending and registering happen under the same lock that disposal takes before it fails
        // every waiter: a publish racing DisposeAsync is either failed by it or refused here.
        lock (_nativeUse)
        {
            ObjectDisposedException.ThrowIf(_destroyed, this);
            int rc, mid = 0;
            fixed (byte* bytes = payload)
                rc = MosquittoNative.PublishV5(_mosq, out mid, topic, payload.Length, bytes, (int)qos, retain, 0);

            // libmosquitto puts a QoS 1/2 message into its queue before it tries to send, and reports
            // MOSQ_ERR_NO_CONN when it could not send right away: the message is queued, not refused.
            var queuedWhileOffline = rc == MosquittoConstants.ErrNoConnection && qos != MqttQos.AtMostOnce;
            if (rc != MosquittoConstants.Success && !queuedWhileOffline)
            {
                // A message id was handed out: register an orphan so a late answer for it is absorbed.
                if (mid != 0 && qos != MqttQos.AtMostOnce) _acknowledgements.Expect(mid, new PublishWaiter(topic, qos), generation);
                throw MqttException.FromError(rc, $"publish to '{topic}'");
            }
            waiter.CancelWith(ct);
            _acknowledgements.Expect(mid, waiter, generation);
        }
        return waiter.Task;
    }

    /// <summary>
    /// Subscribes and completes at the SUBACK that grants it; throws <see cref="MqttException"/> if
    /// the broker refuses the filter. The subscription is remembered and sent again after every
    /// reconnect. Called while disconnected, it is sent (and completes) after the next CONNACK.
    /// Shared subscriptions are ordinary filters: "$share/group/topic". Cancelling ends the wait;
    /// the subscription stays in force.
    /// </summary>
    public async Task SubscribeAsync(string topicFilter, MqttQos qos, CancellationToken ct)
    {
        MqttTopic.ValidateTopicFilter(topicFilter);
        if (!Enum.IsDefined(qos)) throw new ArgumentOutOfRangeException(nameof(qos), qos, "QoS must be 0, 1 or 2");
        ct.ThrowIfCancellationRequested();
        var granted = _subscriptions.Remember(topicFilter, qos);
        var generation = _acknowledgements.ConnectionGeneration;
        lock (_nativeUse)
        {
            ObjectDisposedException.ThrowIf(_destroyed, this);
            var rc = MosquittoNative.SubscribeV5(_mosq, out var mid, topicFilter, (int)qos, 0, 0);
            if (rc == MosquittoConstants.Success)
                _acknowledgements.Expect(mid, NewSubscribeWaiter(topicFilter), generation);
            else if (rc != MosquittoConstants.ErrNoConnection)
                _subscriptions.Forget(topicFilter, MqttException.FromError(rc, $"subscribe to '{topicFilter}'"));
        }
        await granted.WaitAsync(ct).ConfigureAwait(false);
    }

    private SubscribeAckWaiter NewSubscribeWaiter(string filter) => new(_subscriptions, filter,
        (refused, reason) => RaiseLog(MqttLogLevel.Error,
            $"the broker refused the re-subscription to '{refused}': {MosquittoLibrary.ReasonText(reason)} (0x{reason:X2}); it is dropped"));

    /// <summary>Sends DISCONNECT and stops the network thread. Queued QoS 1/2 messages stay queued
    /// (and their tasks pending) until a later ConnectAsync or disposal.</summary>
    public async Task DisconnectAsync()
    {
        await _lifecycle.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_networkThreadRunning) await StopNetworkThreadAsync().ConfigureAwait(false);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>
    /// Disconnects, stops the network thread, fails every pending task with
    /// <see cref="ObjectDisposedException"/>, completes <see cref="Messages"/> and frees the native
    /// client. Safe to call in any state and more than once.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        // A ConnectAsync in progress holds the lifecycle lock: end its wait instead of waiting for it.
        _connectAttempt?.TrySetException(new ObjectDisposedException(nameof(MqttClient), "the client was disposed while connecting"));
        await _lifecycle.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_networkThreadRunning) await StopNetworkThreadAsync().ConfigureAwait(false);
            // Closed first, so no publish or subscribe can register after the waiters are failed.
            if (_networkThreadRunning)
            {
                lock (_nativeUse) _destroyed = true;
                RaiseLog(MqttLogLevel.Error, "libmosquitto's network thread did not stop; the native client is leaked rather than freed under it");
            }
            else
            {
                ReleaseNative();
            }
            var disposed = new ObjectDisposedException(nameof(MqttClient), "the client was disposed before the broker answered");
            _acknowledgements.FailAll(disposed);
            _subscriptions.FailAll(disposed);
            _messages.Writer.TryComplete();
            await _events.CompleteAsync().ConfigureAwait(false);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    private void ReleaseNative()
    {
        lock (_nativeUse)
        {
            if (_destroyed) return;
            _destroyed = true;
            if (_mosq != 0) MosquittoNative.Destroy(_mosq);
            if (_self.IsAllocated) _self.Free();
        }
        MosquittoLibrary.Release();
    }

    private void RaiseLog(MqttLogLevel level, string message, Exception? exception = null)
    {
        var handler = Log;
        if (handler is null) return;
        var entry = new MqttLogEntry(level, message, exception);
        _events.PostLog(() => handler(entry));
    }

    private void RaiseConnectionChanged(bool connected)
    {
        var handler = ConnectionChanged;
        if (handler is not null) _events.Post(() => handler(connected));
    }
}
