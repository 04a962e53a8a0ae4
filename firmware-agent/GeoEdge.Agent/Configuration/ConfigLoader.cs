using System.Globalization;
using System.Text.Json;

namespace GeoEdge.Agent.Configuration;

/// <summary>
/// Reads the configuration file, applies command-line overrides, validates the result. Usage text:
/// <see cref="Usage"/>.
/// </summary>
public static class ConfigLoader
{
    public const string Usage = """
        usage: geoedge-agent [--config FILE] [OPTIONS]

          --config FILE          JSON configuration (see docs/agent.example.json)
          --host-id ID           this host's id
          --tcti TCTI            TPM: device:/dev/tpmrm0 or swtpm:host=127.0.0.1,port=N
          --gnss-device PATH     GNSS receiver serial device
          --gnss-baud N          its baud rate
          --broker HOST:PORT     MQTT broker
          --broker-ca FILE       broker CA (enables TLS)
          --broker-cert FILE     client certificate for mutual TLS
          --broker-key FILE      its private key
          --interval SECONDS     seconds between readings
          --state-dir DIR        state directory (sequence, AK record, outbox)
          --ak-handle HEX        persistent handle of the AK
          --readings N           exit 0 after N readings were delivered
          --socket PATH          Unix socket for local workloads (empty: none)
          --help                 this text
        """;

    public static AgentConfig Load(string[] args)
    {
        var options = ParseOptions(args);
        var config = options.TryGetValue("config", out var path) ? ReadFile(path) : new AgentConfig();
        config = ApplyOverrides(config, options);
        return Validate(config);
    }

    private static Dictionary<string, string> ParseOptions(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal)) throw new ConfigException($"unexpected argument '{arg}'");
            var name = arg[2..];
            if (i + 1 >= args.Length) throw new ConfigException($"option --{name} needs a value");
            if (!KnownOptions.Contains(name)) throw new ConfigException($"unknown option --{name}");
            options[name] = args[++i];
        }
        return options;
    }

    private static readonly HashSet<string> KnownOptions =
    [
        "config", "host-id", "tcti", "gnss-device", "gnss-baud", "broker", "broker-ca", "broker-cert", "broker-key",
        "interval", "state-dir", "ak-handle", "readings", "socket",
    ];

    private static AgentConfig ReadFile(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"cannot read configuration file '{path}': {e.Message}");
        }
        try
        {
            return JsonSerializer.Deserialize(bytes, AgentJsonContext.Default.AgentConfig)
                ?? throw new ConfigException($"configuration file '{path}' holds JSON null");
        }
        catch (JsonException e)
        {
            throw new ConfigException($"configuration file '{path}'{(e.Path is null ? "" : $" at {e.Path}")}: {e.Message.Split(". ")[0]}");
        }
    }

    private static AgentConfig ApplyOverrides(AgentConfig c, Dictionary<string, string> o)
    {
        string? Get(string name) => o.TryGetValue(name, out var v) ? v : null;
        var broker = c.Broker;
        if (Get("broker") is { } hostPort)
        {
            var colon = hostPort.LastIndexOf(':');
            if (colon <= 0) throw new ConfigException($"--broker must be HOST:PORT, got '{hostPort}'");
            broker = broker with { Host = hostPort[..colon], Port = Int("broker port", hostPort[(colon + 1)..]) };
        }
        broker = broker with
        {
            CaFile = Get("broker-ca") ?? broker.CaFile,
            CertFile = Get("broker-cert") ?? broker.CertFile,
            KeyFile = Get("broker-key") ?? broker.KeyFile,
        };
        return c with
        {
            HostId = Get("host-id") ?? c.HostId,
            Tcti = Get("tcti") ?? c.Tcti,
            Gnss = c.Gnss with
            {
                Device = Get("gnss-device") ?? c.Gnss.Device,
                BaudRate = Get("gnss-baud") is { } baud ? Int("--gnss-baud", baud) : c.Gnss.BaudRate,
            },
            Broker = broker,
            IntervalSeconds = Get("interval") is { } interval ? Int("--interval", interval) : c.IntervalSeconds,
            StateDirectory = Get("state-dir") ?? c.StateDirectory,
            AkHandle = Get("ak-handle") ?? c.AkHandle,
            Readings = Get("readings") is { } n ? Int("--readings", n) : c.Readings,
            WorkloadSocket = Get("socket") is { } socket ? (c.WorkloadSocket ?? new()) with { Path = socket } : c.WorkloadSocket,
        };
    }

    private static AgentConfig Validate(AgentConfig c)
    {
        var hostId = c.HostId ?? Environment.MachineName;
        if (!Wire.HostId.IsValid(hostId))
            throw new ConfigException($"host id '{hostId}' is not valid: 1-64 characters of A-Z a-z 0-9 . _ -");
        if (c.IntervalSeconds is < 1 or > 86400) throw new ConfigException($"intervalSeconds must be 1-86400, got {c.IntervalSeconds}");
        if (c.Broker.Port is < 1 or > 65535) throw new ConfigException($"broker port must be 1-65535, got {c.Broker.Port}");
        if ((c.Broker.CertFile is null) != (c.Broker.KeyFile is null))
            throw new ConfigException("broker certFile and keyFile go together");
        if (c.Readings < 0) throw new ConfigException("readings must not be negative");
        if (c.Pcrs.Length == 0 || c.Pcrs.Any(p => p is < 0 or > 23)) throw new ConfigException("pcrs must list PCR indexes 0-23");
        ParseHandle(c.AkHandle);
        if (string.IsNullOrWhiteSpace(c.Tcti)) throw new ConfigException("tcti must not be empty");
        ValidateOsnma(c.Gnss.Osnma);
        if (c.Measurements is null) throw new ConfigException("measurements must be an object (bootLog, imaList)");
        if (c.Modem is null) throw new ConfigException("modem must be an object (device, baudRate, ...)");
        if (c.Modem.CommandTimeoutSeconds is < 0.1 or > 120) throw new ConfigException($"modem.commandTimeoutSeconds must be 0.1-120, got {c.Modem.CommandTimeoutSeconds}");
        if (c.Modem.PollSeconds is < 0.5 or > 3600) throw new ConfigException($"modem.pollSeconds must be 0.5-3600, got {c.Modem.PollSeconds}");
        if (c.Modem.SimDetect is { } detect && (string.IsNullOrWhiteSpace(detect.Chip) || detect.Line < 0))
            throw new ConfigException("modem.simDetect needs a chip and a line number of 0 or more");
        ValidateWorkloadSocket(c.WorkloadSocket);
        if (!c.Pcrs.Contains(10) && !string.IsNullOrEmpty(c.Measurements.ImaList))
            throw new ConfigException("pcrs must include 10 when measurements.imaList is set: the quote of PCR 10 vouches for the IMA entries");
        return c with { HostId = hostId };
    }

    /// <summary>sockaddr_un.sun_path holds 108 bytes with the terminating NUL.</summary>
    public const int MaxSocketPathBytes = 107;

    private static void ValidateWorkloadSocket(WorkloadSocketConfig? s)
    {
        if (s is null) throw new ConfigException("workloadSocket must be an object (path, maxConnections, readTimeoutSeconds)");
        if (!string.IsNullOrEmpty(s.Path))
        {
            if (!System.IO.Path.IsPathFullyQualified(s.Path)) throw new ConfigException($"workloadSocket.path must be absolute, got '{s.Path}'");
            var bytes = System.Text.Encoding.UTF8.GetByteCount(s.Path);
            if (bytes > MaxSocketPathBytes)
                throw new ConfigException($"workloadSocket.path is {bytes} bytes; a Unix socket path holds at most {MaxSocketPathBytes}");
        }
        if (s.MaxConnections is < 1 or > 1024) throw new ConfigException($"workloadSocket.maxConnections must be 1-1024, got {s.MaxConnections}");
        if (!double.IsFinite(s.ReadTimeoutSeconds) || s.ReadTimeoutSeconds is < 0.1 or > 300)
            throw new ConfigException($"workloadSocket.readTimeoutSeconds must be 0.1-300, got {s.ReadTimeoutSeconds}");
    }

    private static void ValidateOsnma(OsnmaConfig o)
    {
        if (!o.Enabled) return;
        if (string.IsNullOrWhiteSpace(o.MerkleTree)) throw new ConfigException("gnss.osnma.merkleTree must name the GSC Merkle tree file");
        if (!double.IsFinite(o.MaxTimeErrorSeconds) || o.MaxTimeErrorSeconds is <= 0 or > 30)
            throw new ConfigException($"gnss.osnma.maxTimeErrorSeconds must be more than 0 and at most 30, got {o.MaxTimeErrorSeconds}");
        switch (o.TrustedTime)
        {
            case "system":
                break;
            case "simulation":
                if (o.SimulationAnchorGst is null || o.SimulationAnchorUtc is null)
                    throw new ConfigException("gnss.osnma.trustedTime \"simulation\" needs simulationAnchorGst and simulationAnchorUtc");
                ParseGst(o.SimulationAnchorGst);
                if (!double.IsFinite(o.SimulationSpeed) || o.SimulationSpeed is <= 0 or > 1000)
                    throw new ConfigException($"gnss.osnma.simulationSpeed must be more than 0 and at most 1000, got {o.SimulationSpeed}");
                break;
            default:
                throw new ConfigException($"gnss.osnma.trustedTime must be \"system\" or \"simulation\", got \"{o.TrustedTime}\"");
        }
    }

    /// <summary>Parses a GST written WN:TOW (week number, seconds of week).</summary>
    public static (int WeekNumber, int TimeOfWeek) ParseGst(string text)
    {
        var parts = text.Split(':');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var wn)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var tow)
            && tow < 604_800)
            return (wn, tow);
        throw new ConfigException($"GST '{text}' is not WN:TOW (week number, then seconds of week below 604800)");
    }

    /// <summary>Parses the AK handle ("0x81010002"), which must lie in the owner's persistent range.</summary>
    public static uint ParseHandle(string text)
    {
        var hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        if (!uint.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var handle) || handle is < 0x81000000 or > 0x817FFFFF)
            throw new ConfigException($"akHandle '{text}' is not a persistent handle in 0x81000000-0x817FFFFF");
        return handle;
    }

    private static int Int(string what, string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw new ConfigException($"{what}: '{text}' is not a whole number");
}
