using System.Runtime.InteropServices;

namespace GeoEdge.Drivers.Mqtt.Native;

/// <summary>
/// Process-wide libmosquitto state: mosquitto_lib_init must run once before the first client (it
/// initialises OpenSSL and the random source) and mosquitto_lib_cleanup at most once, when no
/// client can still be using the library, so it runs at process exit and only if every client was
/// disposed.
/// </summary>
internal static unsafe class MosquittoLibrary
{
    private static readonly Lock Gate = new();
    private static bool _initialised;
    private static int _liveClients;

    public static void Acquire()
    {
        lock (Gate)
        {
            if (!_initialised)
            {
                int rc;
                try
                {
                    rc = MosquittoNative.LibInit();
                }
                catch (DllNotFoundException e)
                {
                    throw new MqttException("libmosquitto.so.1 is not installed (Debian package libmosquitto1)", e);
                }
                if (rc != MosquittoConstants.Success)
                    throw MqttException.FromError(rc, "mosquitto_lib_init");
                _initialised = true;
                AppDomain.CurrentDomain.ProcessExit += (_, _) => CleanupIfUnused();
            }
            _liveClients++;
        }
    }

    public static void Release()
    {
        lock (Gate) _liveClients--;
    }

    private static void CleanupIfUnused()
    {
        lock (Gate)
        {
            if (!_initialised || _liveClients != 0) return;
            MosquittoNative.LibCleanup();
            _initialised = false;
        }
    }

    /// <summary>mosquitto_strerror: the library's text for one of its own error codes.</summary>
    public static string ErrorText(int rc) => Utf8OrEmpty(MosquittoNative.StrError(rc));

    /// <summary>mosquitto_reason_string: the text for an MQTT v5 reason code.</summary>
    public static string ReasonText(int reasonCode) => Utf8OrEmpty(MosquittoNative.ReasonString(reasonCode));

    private static string Utf8OrEmpty(byte* text) => text is null ? "" : Marshal.PtrToStringUTF8((nint)text) ?? "";
}
