using GeoEdge.Hil.Rig.Processes;

namespace GeoEdge.Hil.Rig.Composition;

/// <summary>
/// The real geoedge-agent as a process (the managed build, or the NativeAOT executable named by
/// GEOEDGE_AGENT_EXE). Its state directory survives restarts, so a SIGKILL test restarts it where it was.
/// </summary>
public sealed class AgentProcess : IDisposable
{
    private readonly RigDirectory _dir;
    private readonly AgentSettings _settings;
    private RigProcess? _process;
    private int _starts;

    public string StateDirectory { get; }

    /// <summary>The agent's workload socket, inside the rig's directory (a host would use /run/geoedge/agent.sock).</summary>
    public string SocketPath { get; }
    public RigProcess Process => _process ?? throw new RigException("the agent is not running");

    public AgentProcess(RigDirectory dir, AgentSettings settings)
    {
        _dir = dir;
        _settings = settings;
        StateDirectory = dir.Sub($"agent-state-{settings.HostId}");
        SocketPath = dir.File($"agent-{settings.HostId}.sock");
    }

    public void Start()
    {
        var args = new List<string>
        {
            "--host-id", _settings.HostId,
            "--tcti", _settings.Tcti,
            "--gnss-device", _settings.GnssDevice,
            "--gnss-baud", "115200",
            "--broker", $"127.0.0.1:{_settings.Broker.Port}",
            "--interval", _settings.IntervalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--state-dir", StateDirectory,
            "--ak-handle", _settings.AkHandle,
            "--socket", SocketPath,
        };
        if (_settings.Gnss is not null || _settings.Measurements is not null || _settings.Modem is not null)
        {
            // OSNMA and measurement settings have no command-line options: they go in a configuration file, as on a host.
            var config = Path.Combine(StateDirectory, "..", $"agent-{_settings.HostId}.json");
            var document = new System.Text.Json.Nodes.JsonObject();
            if (_settings.Gnss is { } gnss) document["gnss"] = gnss.DeepClone();
            if (_settings.Measurements is { } measurements) document["measurements"] = measurements.DeepClone();
            if (_settings.Modem is { } modem) document["modem"] = modem.DeepClone();
            File.WriteAllText(config, document.ToJsonString());
            args.AddRange(["--config", config]);
        }
        if (_settings.Broker.Tls is { } tls)
            args.AddRange(["--broker-ca", tls.CaFile, "--broker-cert", tls.CertFile, "--broker-key", tls.KeyFile]);
        var exe = Environment.GetEnvironmentVariable("GEOEDGE_AGENT_EXE");
        if (string.IsNullOrEmpty(exe))
        {
            args.Insert(0, RepoPaths.AgentDll);
            exe = "dotnet";
        }

        _process?.Dispose(); // a restart: the previous run is stopped, release its log and handles
        _process = RigProcess.Start($"agent-{_settings.HostId}-{++_starts}", exe, args, _dir.Path);
    }

    /// <summary>
    /// The file that is the agent, as IMA would name it in the host's measurement list: the NativeAOT
    /// executable when GEOEDGE_AGENT_EXE names one, else the managed build's dll.
    /// </summary>
    public static string Executable =>
        Environment.GetEnvironmentVariable("GEOEDGE_AGENT_EXE") is { Length: > 0 } exe ? Path.GetFullPath(exe) : RepoPaths.AgentDll;

    public void Kill9() => _process?.Kill9();

    public void Stop() => _process?.Stop();

    public void Dispose() => _process?.Dispose();
}

/// <param name="Gnss">The agent's "gnss" configuration section beyond device and baud rate (OSNMA), if any.</param>
/// <param name="Measurements">The agent's "measurements" section (boot log and IMA list paths), if any.</param>
/// <param name="Modem">The agent's "modem" section (AT port and timing), when the rig has a modem.</param>
public sealed record AgentSettings(string HostId, string Tcti, string GnssDevice, BrokerEndpoint Broker, int IntervalSeconds = 1, string AkHandle = "0x81010002",
    System.Text.Json.Nodes.JsonObject? Gnss = null, System.Text.Json.Nodes.JsonObject? Measurements = null, System.Text.Json.Nodes.JsonObject? Modem = null);
