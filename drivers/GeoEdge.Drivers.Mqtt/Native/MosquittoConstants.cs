namespace GeoEdge.Drivers.Mqtt.Native;

/// <summary>Values from mosquitto.h (libmosquitto 2.0) that the client needs.</summary>
internal static class MosquittoConstants
{
    // enum mosq_err_t
    public const int Success = 0;
    public const int ErrNoMemory = 1;
    public const int ErrProtocol = 2;
    public const int ErrInvalid = 3;
    public const int ErrNoConnection = 4;
    public const int ErrConnectionRefused = 5;
    public const int ErrNotFound = 6;
    public const int ErrConnectionLost = 7;
    public const int ErrTls = 8;
    public const int ErrPayloadSize = 9;
    public const int ErrNotSupported = 10;
    public const int ErrAuth = 11;
    public const int ErrAclDenied = 12;
    public const int ErrUnknown = 13;
    public const int ErrErrno = 14;
    public const int ErrEai = 15;
    public const int ErrProxy = 16;
    public const int ErrTimeout = 27;

    // enum mosq_opt_t
    public const int OptProtocolVersion = 1;
    public const int OptSendMaximum = 5;

    public const int MqttProtocolV5 = 5;

    // MOSQ_LOG_* levels
    public const int LogInfo = 0x01;
    public const int LogNotice = 0x02;
    public const int LogWarning = 0x04;
    public const int LogError = 0x08;
    public const int LogDebug = 0x10;

    /// <summary>
    /// The return codes on which mosquitto_loop_forever (the thread behind mosquitto_loop_start)
    /// gives up instead of reconnecting: the list in lib/loop.c of libmosquitto 2.0. After one of
    /// them the network thread has ended and only a fresh loop_start brings the client back.
    /// </summary>
    public static bool EndsNetworkThread(int rc) => rc is ErrNoMemory or ErrProtocol or ErrInvalid or ErrNotFound or ErrTls
        or ErrPayloadSize or ErrNotSupported or ErrAuth or ErrAclDenied or ErrUnknown or ErrEai or ErrProxy;
}
