namespace GeoEdge.Drivers.Mqtt;

/// <summary>
/// Files for mutual TLS, all PEM. <see cref="CertFile"/> and <see cref="KeyFile"/> go together;
/// leave both null for server-authenticated TLS only. The broker's certificate must name the
/// <see cref="MqttClientOptions.Host"/> the client connects to (libmosquitto checks it).
/// </summary>
public sealed record MqttTlsOptions(string CaFile, string? CertFile = null, string? KeyFile = null);

/// <summary>
/// How to reach the broker. MQTT v5 always. Reconnect delays are whole seconds (libmosquitto's
/// unit, at least 1 s) and grow exponentially from <see cref="ReconnectDelayMin"/> to
/// <see cref="ReconnectDelayMax"/>. <see cref="MaxInflight"/> bounds the QoS 1/2 messages sent but
/// not yet acknowledged (the broker's Receive Maximum lowers it further); libmosquitto's default is 20.
/// </summary>
public sealed record MqttClientOptions(string Host, int Port, string ClientId)
{
    public int KeepAliveSeconds { get; init; } = 30;
    public bool CleanStart { get; init; } = true;
    public MqttTlsOptions? Tls { get; init; }
    public string? Username { get; init; }
    public string? Password { get; init; }
    public TimeSpan ReconnectDelayMin { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan ReconnectDelayMax { get; init; } = TimeSpan.FromSeconds(30);
    public int? MaxInflight { get; init; }
}
