using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using GeoEdge.Drivers.Mqtt.Native;

namespace GeoEdge.Drivers.Mqtt;

/// <summary>
/// libmosquitto's callbacks. They run on its network thread (a few, like log lines, also on the
/// caller's thread inside a native call). Each static entry point finds its client through the
/// GCHandle passed to mosquitto_new as userdata, hands the work off quickly and catches everything:
/// an exception unwinding into native code would end the process.
/// </summary>
public sealed unsafe partial class MqttClient
{
    private void InstallCallbacks()
    {
        MosquittoNative.ConnectV5CallbackSet(_mosq, &OnConnectNative);
        MosquittoNative.DisconnectV5CallbackSet(_mosq, &OnDisconnectNative);
        MosquittoNative.PublishV5CallbackSet(_mosq, &OnPublishNative);
        MosquittoNative.MessageV5CallbackSet(_mosq, &OnMessageNative);
        MosquittoNative.SubscribeV5CallbackSet(_mosq, &OnSubscribeNative);
        MosquittoNative.LogCallbackSet(_mosq, &OnLogNative);
    }

    private static MqttClient? FromUserData(nint userData)
    {
        if (userData == 0) return null;
        try
        {
            return GCHandle.FromIntPtr(userData).Target as MqttClient;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private void CallbackFailed(string callback, Exception error)
    {
        try
        {
            RaiseLog(MqttLogLevel.Error, $"the {callback} callback failed; the event is lost", error);
        }
        catch (Exception)
        {
            // Reporting failed too (out of memory, most likely); returning to native code is all that is left.
        }
    }

    [UnmanagedCallersOnly]
    private static void OnConnectNative(nint mosq, nint userData, int reasonCode, int flags, nint properties)
    {
        var client = FromUserData(userData);
        if (client is null) return;
        try { client.OnConnect(reasonCode); }
        catch (Exception e) { client.CallbackFailed("connect", e); }
    }

    [UnmanagedCallersOnly]
    private static void OnDisconnectNative(nint mosq, nint userData, int rc, nint properties)
    {
        var client = FromUserData(userData);
        if (client is null) return;
        try { client.OnDisconnect(rc); }
        catch (Exception e) { client.CallbackFailed("disconnect", e); }
    }

    [UnmanagedCallersOnly]
    private static void OnPublishNative(nint mosq, nint userData, int mid, int reasonCode, nint properties)
    {
        var client = FromUserData(userData);
        if (client is null) return;
        try { client._acknowledgements.Acknowledge(mid, reasonCode); }
        catch (Exception e) { client.CallbackFailed("publish", e); }
    }

    [UnmanagedCallersOnly]
    private static void OnMessageNative(nint mosq, nint userData, MosquittoMessage* message, nint properties)
    {
        var client = FromUserData(userData);
        if (client is null) return;
        try { client.OnMessage(message); }
        catch (Exception e) { client.CallbackFailed("message", e); }
    }

    [UnmanagedCallersOnly]
    private static void OnSubscribeNative(nint mosq, nint userData, int mid, int qosCount, int* grantedQos, nint properties)
    {
        var client = FromUserData(userData);
        if (client is null) return;
        try
        {
            // One filter per SUBSCRIBE, so one answer; anything else is treated as a refusal (0x80).
            var reason = qosCount >= 1 && grantedQos is not null ? grantedQos[0] : 0x80;
            client._acknowledgements.Acknowledge(mid, reason);
        }
        catch (Exception e) { client.CallbackFailed("subscribe", e); }
    }

    [UnmanagedCallersOnly]
    private static void OnLogNative(nint mosq, nint userData, int level, byte* text)
    {
        var client = FromUserData(userData);
        if (client is null) return;
        try { client.OnLog(level, text); }
        catch (Exception e) { client.CallbackFailed("log", e); }
    }

    private void OnConnect(int reasonCode)
    {
        if (reasonCode != 0)
        {
            // MQTT v5 CONNACK failure (e.g. 0x87 not authorized). libmosquitto then drops the connection.
            var refused = MqttException.FromReason(reasonCode, $"connect to {_options.Host}:{_options.Port}");
            _connectAttempt?.TrySetException(refused);
            RaiseLog(MqttLogLevel.Warning, refused.Message, refused);
            return;
        }
        _connected = true;
        _connectedOnce = true;
        // Subscribing from inside on_connect is libmosquitto's documented idiom, and it puts the
        // SUBSCRIBEs on the wire before the QoS 1 messages libmosquitto re-sends after this callback.
        ResubscribeAll();
        _connectAttempt?.TrySetResult();
        RaiseConnectionChanged(true);
    }

    private void ResubscribeAll()
    {
        foreach (var (filter, qos) in _subscriptions.Snapshot())
        {
            var generation = _acknowledgements.ConnectionGeneration;
            var rc = MosquittoNative.SubscribeV5(_mosq, out var mid, filter, (int)qos, 0, 0);
            if (rc == MosquittoConstants.Success) _acknowledgements.Expect(mid, NewSubscribeWaiter(filter), generation);
            else RaiseLog(MqttLogLevel.Error, $"re-subscribing to '{filter}' failed", MqttException.FromError(rc, $"subscribe to '{filter}'"));
        }
    }

    private void OnDisconnect(int rc)
    {
        var wasConnected = _connected;
        _connected = false;
        if (wasConnected) Volatile.Write(ref _disconnectedSinceTicks, Environment.TickCount64);
        _acknowledgements.ConnectionLost();

        if (_connectAttempt is { } attempt && !attempt.Task.IsCompleted)
            attempt.TrySetException(DisconnectError(rc));
        if (wasConnected) RaiseConnectionChanged(false);
        if (rc == 0) return;

        RaiseLog(MqttLogLevel.Warning, $"connection to {_options.Host}:{_options.Port} lost: {DisconnectError(rc).Message}");
        if (_connectedOnce && !_stopping && MosquittoConstants.EndsNetworkThread(rc))
            _ = Task.Run(() => ReviveNetworkThreadAsync(afterDelay: true));
    }

    /// <summary>on_disconnect's code is libmosquitto's error code, or the reason code of a DISCONNECT
    /// the broker sent (0x80 and above).</summary>
    private MqttException DisconnectError(int rc)
    {
        var operation = $"connection to {_options.Host}:{_options.Port}";
        if (rc >= 0x80) return MqttException.FromReason(rc, operation);
        if (rc == 0) return new MqttException($"{operation} was closed by the client before the broker accepted it");
        return MqttException.FromError(rc, operation, FailureDetail(rc, errno: 0));
    }

    private void OnMessage(MosquittoMessage* message)
    {
        // Everything comes from the broker: check it before trusting it, copy it before returning.
        if (message is null || message->Topic is null)
        {
            RaiseLog(MqttLogLevel.Error, "libmosquitto delivered a message without a topic; dropped");
            return;
        }
        if (message->PayloadLength < 0 || (message->PayloadLength > 0 && message->Payload is null))
        {
            RaiseLog(MqttLogLevel.Error, $"libmosquitto delivered a message with payload length {message->PayloadLength} and no usable payload; dropped");
            return;
        }
        if (message->Qos is < 0 or > 2)
        {
            RaiseLog(MqttLogLevel.Error, $"libmosquitto delivered a message with QoS {message->Qos}; dropped");
            return;
        }
        var topic = Marshal.PtrToStringUTF8((nint)message->Topic) ?? "";
        var payload = new ReadOnlySpan<byte>(message->Payload, message->PayloadLength).ToArray();
        _messages.Writer.TryWrite(new MqttMessage(topic, payload, (MqttQos)message->Qos, message->Retain != 0));
    }

    private void OnLog(int level, byte* text)
    {
        if (text is null) return;
        if (level == MosquittoConstants.LogError)
            _lastLibraryError = Marshal.PtrToStringUTF8((nint)text);
        if (Log is null) return;
        RaiseLog(LevelOf(level), Marshal.PtrToStringUTF8((nint)text) ?? "");
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static MqttLogLevel LevelOf(int level) => level switch
    {
        MosquittoConstants.LogError => MqttLogLevel.Error,
        MosquittoConstants.LogWarning => MqttLogLevel.Warning,
        MosquittoConstants.LogNotice => MqttLogLevel.Notice,
        MosquittoConstants.LogInfo => MqttLogLevel.Information,
        _ => MqttLogLevel.Debug,
    };
}
