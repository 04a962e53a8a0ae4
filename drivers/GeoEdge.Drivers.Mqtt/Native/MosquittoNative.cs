using System.Runtime.InteropServices;

namespace GeoEdge.Drivers.Mqtt.Native;

/// <summary>
/// The libmosquitto 2.0 functions the client uses (Debian libmosquitto1, soname libmosquitto.so.1).
/// Pointers to <c>struct mosquitto</c> travel as nint; strings are UTF-8 and already validated by
/// the managed side; C <c>bool</c> is one byte.
/// </summary>
internal static unsafe partial class MosquittoNative
{
    private const string Library = "libmosquitto.so.1";

    [LibraryImport(Library, EntryPoint = "mosquitto_lib_init")]
    public static partial int LibInit();

    [LibraryImport(Library, EntryPoint = "mosquitto_lib_cleanup")]
    public static partial int LibCleanup();

    [LibraryImport(Library, EntryPoint = "mosquitto_lib_version")]
    public static partial int LibVersion(out int major, out int minor, out int revision);

    [LibraryImport(Library, EntryPoint = "mosquitto_new", StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint New(string? id, [MarshalAs(UnmanagedType.U1)] bool cleanSession, nint userData);

    [LibraryImport(Library, EntryPoint = "mosquitto_destroy")]
    public static partial void Destroy(nint mosq);

    [LibraryImport(Library, EntryPoint = "mosquitto_int_option")]
    public static partial int IntOption(nint mosq, int option, int value);

    [LibraryImport(Library, EntryPoint = "mosquitto_tls_set", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int TlsSet(nint mosq, string? caFile, string? caPath, string? certFile, string? keyFile, nint passwordCallback);

    [LibraryImport(Library, EntryPoint = "mosquitto_username_pw_set", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int UsernamePasswordSet(nint mosq, string? username, string? password);

    [LibraryImport(Library, EntryPoint = "mosquitto_reconnect_delay_set")]
    public static partial int ReconnectDelaySet(nint mosq, uint delaySeconds, uint delayMaxSeconds, [MarshalAs(UnmanagedType.U1)] bool exponentialBackoff);

    /// <summary>Starts a non-blocking connect; errno is kept for the error message of a refused TCP connect.</summary>
    [LibraryImport(Library, EntryPoint = "mosquitto_connect_bind_async", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int ConnectBindAsync(nint mosq, string host, int port, int keepAliveSeconds, string? bindAddress);

    [LibraryImport(Library, EntryPoint = "mosquitto_reconnect_async", SetLastError = true)]
    public static partial int ReconnectAsync(nint mosq);

    /// <summary>The client's socket, or -1 while it has none: the only outside sign that libmosquitto
    /// closed the connection without calling on_disconnect (see MqttClient.ConnectAsync).</summary>
    [LibraryImport(Library, EntryPoint = "mosquitto_socket")]
    public static partial int Socket(nint mosq);

    [LibraryImport(Library, EntryPoint = "mosquitto_loop_start")]
    public static partial int LoopStart(nint mosq);

    /// <summary>Never call with force=true: that pthread_cancels a thread that may be running managed code.</summary>
    [LibraryImport(Library, EntryPoint = "mosquitto_loop_stop")]
    public static partial int LoopStop(nint mosq, [MarshalAs(UnmanagedType.U1)] bool force);

    [LibraryImport(Library, EntryPoint = "mosquitto_disconnect_v5")]
    public static partial int DisconnectV5(nint mosq, int reasonCode, nint properties);

    [LibraryImport(Library, EntryPoint = "mosquitto_publish_v5", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int PublishV5(nint mosq, out int mid, string topic, int payloadLength, byte* payload, int qos,
        [MarshalAs(UnmanagedType.U1)] bool retain, nint properties);

    [LibraryImport(Library, EntryPoint = "mosquitto_subscribe_v5", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SubscribeV5(nint mosq, out int mid, string subscription, int qos, int options, nint properties);

    [LibraryImport(Library, EntryPoint = "mosquitto_connect_v5_callback_set")]
    public static partial void ConnectV5CallbackSet(nint mosq, delegate* unmanaged<nint, nint, int, int, nint, void> callback);

    [LibraryImport(Library, EntryPoint = "mosquitto_disconnect_v5_callback_set")]
    public static partial void DisconnectV5CallbackSet(nint mosq, delegate* unmanaged<nint, nint, int, nint, void> callback);

    [LibraryImport(Library, EntryPoint = "mosquitto_publish_v5_callback_set")]
    public static partial void PublishV5CallbackSet(nint mosq, delegate* unmanaged<nint, nint, int, int, nint, void> callback);

    [LibraryImport(Library, EntryPoint = "mosquitto_message_v5_callback_set")]
    public static partial void MessageV5CallbackSet(nint mosq, delegate* unmanaged<nint, nint, MosquittoMessage*, nint, void> callback);

    [LibraryImport(Library, EntryPoint = "mosquitto_subscribe_v5_callback_set")]
    public static partial void SubscribeV5CallbackSet(nint mosq, delegate* unmanaged<nint, nint, int, int, int*, nint, void> callback);

    [LibraryImport(Library, EntryPoint = "mosquitto_log_callback_set")]
    public static partial void LogCallbackSet(nint mosq, delegate* unmanaged<nint, nint, int, byte*, void> callback);

    [LibraryImport(Library, EntryPoint = "mosquitto_strerror")]
    public static partial byte* StrError(int mosqErrno);

    [LibraryImport(Library, EntryPoint = "mosquitto_reason_string")]
    public static partial byte* ReasonString(int reasonCode);
}
