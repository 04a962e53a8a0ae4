using System.Text;

namespace GeoEdge.Drivers.Mqtt;

/// <summary>Checks options before libmosquitto sees them, so each mistake gets its own message.</summary>
internal static class MqttClientOptionsValidator
{
    public static void Validate(MqttClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        RequireText(options.Host, nameof(options.Host));
        if (options.Port is < 1 or > 65535)
            throw new ArgumentException($"Port {options.Port} is outside 1..65535", nameof(options));
        RequireText(options.ClientId, nameof(options.ClientId));
        if (Encoding.UTF8.GetByteCount(options.ClientId) > 65535)
            throw new ArgumentException("ClientId is longer than 65535 bytes of UTF-8", nameof(options));
        // libmosquitto refuses 1..4 s; 0 switches keep-alive off.
        if (options.KeepAliveSeconds != 0 && options.KeepAliveSeconds is < 5 or > 65535)
            throw new ArgumentException($"KeepAliveSeconds {options.KeepAliveSeconds} must be 0 or 5..65535", nameof(options));
        if (options.ReconnectDelayMin < TimeSpan.FromSeconds(1))
            throw new ArgumentException($"ReconnectDelayMin {options.ReconnectDelayMin} is below libmosquitto's 1 s resolution", nameof(options));
        if (options.ReconnectDelayMax < options.ReconnectDelayMin || options.ReconnectDelayMax > TimeSpan.FromDays(1))
            throw new ArgumentException($"ReconnectDelayMax {options.ReconnectDelayMax} must lie between ReconnectDelayMin and one day", nameof(options));
        if (options.MaxInflight is < 1 or > 65535)
            throw new ArgumentException($"MaxInflight {options.MaxInflight} is outside 1..65535", nameof(options));
        if (options.Password is not null && options.Username is null)
            throw new ArgumentException("a Password needs a Username", nameof(options));
        if (options.Username is not null) RejectNul(options.Username, nameof(options.Username));
        if (options.Password is not null) RejectNul(options.Password, nameof(options.Password));
        if (options.Tls is { } tls) ValidateTls(tls);
    }

    private static void ValidateTls(MqttTlsOptions tls)
    {
        RequireReadableFile(tls.CaFile, nameof(tls.CaFile));
        if ((tls.CertFile is null) != (tls.KeyFile is null))
            throw new ArgumentException("Tls.CertFile and Tls.KeyFile must be given together", nameof(tls));
        if (tls.CertFile is not null) RequireReadableFile(tls.CertFile, nameof(tls.CertFile));
        if (tls.KeyFile is not null) RequireReadableFile(tls.KeyFile, nameof(tls.KeyFile));
    }

    private static void RequireReadableFile(string path, string name)
    {
        RequireText(path, name);
        if (!File.Exists(path)) throw new ArgumentException($"Tls.{name} '{path}' does not exist", name);
    }

    private static void RequireText(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new ArgumentException($"{name} is empty", name);
        RejectNul(value, name);
    }

    private static void RejectNul(string value, string name)
    {
        if (value.Contains('\0')) throw new ArgumentException($"{name} contains U+0000, which C strings cannot carry", name);
    }
}
