using GeoEdge.Drivers.Mqtt.Native;

namespace GeoEdge.Drivers.Mqtt;

/// <summary>
/// An MQTT operation failed. <see cref="ErrorCode"/> is libmosquitto's own error code (mosq_err_t,
/// e.g. 7 = connection lost, 8 = TLS error) and <see cref="ReasonCode"/> the MQTT v5 reason code the
/// broker sent (e.g. 0x87 not authorized); each is 0 when it does not apply. The message names the
/// operation and carries the library's text for the code.
/// </summary>
public sealed class MqttException : Exception
{
    public int ErrorCode { get; }
    public int ReasonCode { get; }

    public MqttException(string message, Exception? innerException = null) : base(message, innerException) { }

    public MqttException(string message, int errorCode, int reasonCode) : base(message)
    {
        ErrorCode = errorCode;
        ReasonCode = reasonCode;
    }

    internal static MqttException FromError(int errorCode, string operation, string? detail = null)
    {
        // For MOSQ_ERR_ERRNO libmosquitto returns strerror(errno) of the calling thread, which by
        // then is unrelated ("Success"); the caller passes the real errno text in detail if it has one.
        var text = errorCode == MosquittoConstants.ErrErrno ? "a system call failed" : MosquittoLibrary.ErrorText(errorCode);
        var message = $"{operation} failed: {text} (libmosquitto error {errorCode})";
        if (!string.IsNullOrEmpty(detail)) message += $"; {detail}";
        return new MqttException(message, errorCode, reasonCode: 0);
    }

    internal static MqttException FromReason(int reasonCode, string operation) =>
        new($"{operation} refused by the broker: {MosquittoLibrary.ReasonText(reasonCode)} (MQTT reason code 0x{reasonCode:X2})",
            errorCode: 0, reasonCode);
}
