using GeoEdge.Hil.Rig.Timestamping;
using GeoEdge.Hil.Rig.Camara;
using GeoEdge.Hil.Rig.Mqtt;
using GeoEdge.Hil.Rig.Measurements;
using GeoEdge.Hil.Rig.Processes;
using GeoEdge.Hil.Rig.Serial;
using GeoEdge.Hil.Rig.Simulators;
using GeoEdge.Hil.Rig.Simulators.Modem;
using GeoEdge.Hil.Rig.Tpm;

namespace GeoEdge.Hil.Rig.Composition;

/// <summary>
/// The whole system on one machine: swtpm with an EK certificate from a local CA, a pty pair with
/// a simulated GNSS receiver (<see cref="RigSky"/>: an OSNMA scenario as UBX, or NMEA), mosquitto,
/// the real bridge and the real agent, all on free loopback ports and all stopped by PID on dispose.
/// </summary>
public sealed class GeoEdgeRig : IAsyncDisposable
{
    private readonly Action<string> _progress;

    public RigOptions Options { get; }
    public RigDirectory Directory { get; }
    public SwtpmRig Tpm { get; private set; } = null!;
    public MosquittoRig Broker { get; private set; } = null!;
    public PtyPair GnssPort { get; private set; } = null!;
    public RigSky Sky { get; private set; } = null!;

    /// <summary>What swtpm's PCRs say the host booted and runs, and the files the agent reads it from.</summary>
    public MeasuredHost Measured { get; private set; } = null!;

    /// <summary>The simulated modem and its pty, when <see cref="RigOptions.Modem"/> is set.</summary>
    public ModemSimulator? Modem { get; private set; }
    public PtyPair? ModemPort { get; private set; }

    /// <summary>The operator's CAMARA Device Location Verification server, when the rig has a modem (and so a SIM).</summary>
    public CamaraServer? Camara { get; private set; }

    /// <summary>The TSA the bridge time-stamps every result with.</summary>
    public RigTsa? Tsa { get; private set; }

    /// <summary>The NMEA receiver, when the rig has no OSNMA scenario.</summary>
    public GnssSimulator Gnss => Sky.Nmea ?? throw new InvalidOperationException("this rig replays an OSNMA scenario over UBX; see Sky.Ubx");
    public BridgeProcess Bridge { get; private set; } = null!;
    public AgentProcess Agent { get; private set; } = null!;
    public ResultWatcher Results { get; private set; } = null!;

    private GeoEdgeRig(RigOptions options, Action<string> progress)
    {
        Options = options;
        _progress = progress;
        Directory = new RigDirectory("rig");
    }

    /// <summary>Starts everything but the agent (tests often want to act before it runs).</summary>
    public static async Task<GeoEdgeRig> StartAsync(RigOptions options, Action<string>? progress = null)
    {
        // swtpm_setup narrates every step (with whole EK moduli); the rig's own progress lines are enough.
        var shown = progress ?? (_ => { });
        var rig = new GeoEdgeRig(options, line => { if (!line.StartsWith("swtpm_setup:", StringComparison.Ordinal)) shown(line); });
        try
        {
            await rig.StartPartsAsync();
            return rig;
        }
        catch
        {
            await rig.DisposeAsync();
            throw;
        }
    }

    private async Task StartPartsAsync()
    {
        _progress("starting swtpm (TPM 2.0 state with EK certificates from a local CA)...");
        Tpm = await SwtpmRig.StartAsync(Directory, _progress);
        Measured = MeasuredHost.Boot(Directory.Sub("measurements"), Tpm.Tcti, AgentProcess.Executable, _progress);
        _progress("starting mosquitto...");
        Broker = await MosquittoRig.StartAsync();
        _progress("starting the GNSS simulator on a socat pty pair...");
        GnssPort = await PtyPair.StartAsync(Directory.Sub("pty"), "gnss");
        Sky = await RigSky.StartAsync(Options, GnssPort.SimulatorPath, _progress);
        if (Options.Modem is { } profile)
        {
            _progress($"starting the modem simulator ({profile.Name}) on a socat pty pair...");
            ModemPort = await PtyPair.StartAsync(Directory.Sub("pty-modem"), "modem");
            Modem = await ModemSimulator.StartAsync(ModemPort.SimulatorPath, profile, SimulatedModemState.ExampleFor(profile));
            _progress("starting the operator's CAMARA location verification server...");
            Camara = await CamaraServer.StartAsync();
            Camara.SetDeviceLocation(RigOptions.PhoneNumber, Options.Latitude, Options.Longitude, accuracyMeters: 300);
        }
        if (Options.Timestamping)
        {
            _progress("starting the RFC 3161 time-stamping authority (openssl ts)...");
            Tsa = await RigTsa.StartAsync(Directory.Sub("tsa"));
        }
        _progress("starting the bridge...");
        var caDirectory = Directory.Sub("trusted-ek-ca");
        if (Options.TrustSwtpmCa)
        {
            File.Copy(Tpm.RootCaCertificatePath, Path.Combine(caDirectory, "swtpm-root-ca.pem"));
            File.Copy(Tpm.IntermediateCaCertificatePath, Path.Combine(caDirectory, "swtpm-intermediate-ca.pem"));
        }
        var camaraClient = new CamaraServerOptions();
        Bridge = new BridgeProcess(Directory, new BridgeSettings(Endpoint("geoedge-bridge"), [caDirectory], Options.EpochSeconds,
            AcceptSimulatedTime: Sky.Authenticates,
            Platform: new PlatformReferences(Measured.BootReferencePath, Measured.RuntimePolicyPath, Measured.AgentExecutable),
            Network: Camara is null ? null : new NetworkLocation(Camara.BaseUrl, Camara.TokenUrl, camaraClient.ClientId, camaraClient.ClientSecret),
            Timestamping: Tsa is null ? null : new TimestampAuthority(Tsa.Url.ToString(), Tsa.CaCertificatePath)));
        if (Modem is not null)
        {
            var imported = RigCellTowers.ImportInto(Bridge.DatabasePath, Options, Modem.State.Cell!);
            _progress($"cell database: {imported.Imported} cells (the modem's serving cell near the host, one in Lisbon)");
        }
        await Bridge.StartAsync();
        if (Camara is not null) await Bridge.PutGeolocationAsync(Options.HostId, $$"""{"phoneNumber":"{{RigOptions.PhoneNumber}}"}""");
        if (Options.PolicyJson is not null)
        {
            var response = await Bridge.PutPolicyAsync(Options.HostId, Options.PolicyId, Options.PolicyJson);
            if (!response.IsSuccessStatusCode)
                throw new RigException($"the bridge refused the rig's policy: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        if (Options.JurisdictionPolicyJson is not null) await Bridge.PutGroupPolicyAsync(RigOptions.JurisdictionGroup, Options.HostId, RigOptions.JurisdictionPolicyId, Options.JurisdictionPolicyJson);
        Results = await ResultWatcher.StartAsync(Broker.PlainPort);
        Agent = new AgentProcess(Directory, new AgentSettings(Options.HostId, Tpm.Tcti, GnssPort.DevicePath, Endpoint(Options.HostId), Options.IntervalSeconds,
            Gnss: Sky.AgentGnssConfig(Options), Measurements: Measured.AgentConfig(),
            Modem: ModemPort is null ? null : new System.Text.Json.Nodes.JsonObject
            {
                ["device"] = ModemPort.DevicePath, ["baudRate"] = 115200, ["pollSeconds"] = 1, ["commandTimeoutSeconds"] = 2,
            }));
    }

    /// <summary>
    /// The agent and the bridge reach the broker as in production, over mutual TLS with a client
    /// certificate each; test taps and attackers use the plain listener of the same broker.
    /// </summary>
    private BrokerEndpoint Endpoint(string clientName)
    {
        if (!Options.MutualTls) return new BrokerEndpoint(Broker.PlainPort);
        var (cert, key) = Broker.IssueClientCertificate(clientName);
        return new BrokerEndpoint(Broker.TlsPort, new ClientTls(Broker.CaPath, cert, key));
    }

    public void StartAgent()
    {
        _progress("starting the agent...");
        Agent.Start();
    }

    /// <summary>The tail of every process log, for a failure message.</summary>
    public string Diagnostics()
    {
        var parts = new List<string>();
        void Add(string name, Func<string> tail)
        {
            try { parts.Add($"--- {name} ---\n{tail()}"); }
            catch (Exception e) when (e is RigException or InvalidOperationException or NullReferenceException) { }
        }
        Add("bridge", () => Bridge.Process.Tail(40));
        Add("agent", () => Agent.Process.Tail(40));
        Add("mosquitto", () => Broker.LogTail(10));
        return string.Join('\n', parts);
    }

    public async ValueTask DisposeAsync()
    {
        // Stop in reverse order of dependency: the agent first, the TPM last.
        Agent?.Dispose();
        if (Results is not null) await Results.DisposeAsync();
        Bridge?.Dispose();
        if (Sky is not null) await Sky.DisposeAsync();
        if (Modem is not null) await Modem.DisposeAsync();
        if (Camara is not null) await Camara.DisposeAsync();
        if (Tsa is not null) await Tsa.DisposeAsync();
        ModemPort?.Dispose();
        GnssPort?.Dispose();
        Broker?.Dispose();
        Tpm?.Dispose();
        Directory.Dispose();
    }
}
