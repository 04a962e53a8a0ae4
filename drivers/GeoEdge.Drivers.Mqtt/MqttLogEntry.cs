namespace GeoEdge.Drivers.Mqtt;

public enum MqttLogLevel
{
    Debug,
    Information,
    Notice,
    Warning,
    Error,
}

/// <summary>
/// One line from libmosquitto's log callback, or a problem the client caught on the library's
/// network thread (then <see cref="Exception"/> is set) and could not throw to anyone.
/// </summary>
public sealed record MqttLogEntry(MqttLogLevel Level, string Message, Exception? Exception = null);
