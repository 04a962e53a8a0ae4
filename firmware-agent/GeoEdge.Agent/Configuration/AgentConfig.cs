namespace GeoEdge.Agent.Configuration;

/// <summary>
/// The agent's configuration file (JSON; docs/agent.md and docs/agent.example.json). Every member has
/// a default that suits a host under systemd, so a file only names what differs. Properties are
/// settable, not init-only: source-generated JSON would otherwise reset a member the file leaves out
/// to null instead of keeping its default.
/// </summary>
public sealed record AgentConfig
{
    /// <summary>This host's id in the topic tree and at the bridge (default: the machine's hostname).</summary>
    public string? HostId { get; set; }

    /// <summary>TPM TCTI: "device:/dev/tpmrm0" on hardware, "swtpm:host=127.0.0.1,port=N" in tests.</summary>
    public string Tcti { get; set; } = "device:/dev/tpmrm0";

    public GnssConfig Gnss { get; set; } = new();
    public BrokerConfig Broker { get; set; } = new();
    public MeasurementsConfig Measurements { get; set; } = new();
    public ModemConfig Modem { get; set; } = new();
    public WorkloadSocketConfig WorkloadSocket { get; set; } = new();

    /// <summary>Seconds between readings (default 300; as low as 1 for tests and demos).</summary>
    public int IntervalSeconds { get; set; } = 300;

    /// <summary>Sequence counter, AK creation record, outbox, latest result.</summary>
    public string StateDirectory { get; set; } = "/var/lib/geoedge";

    /// <summary>Persistent handle of the attestation key (TPM owner range 0x81000000-0x817FFFFF).</summary>
    public string AkHandle { get; set; } = "0x81010002";

    /// <summary>PCRs quoted each cycle (sha256 bank): boot (0-7) and IMA (10).</summary>
    public int[] Pcrs { get; set; } = [0, 1, 2, 3, 4, 5, 6, 7, 10];

    /// <summary>Stop after this many readings were acknowledged by the broker (0: run until stopped).</summary>
    public int Readings { get; set; }
}

public sealed record GnssConfig
{
    /// <summary>Serial device of the GNSS receiver (NMEA).</summary>
    public string Device { get; set; } = "/dev/ttyACM0";

    public int BaudRate { get; set; } = 9600;

    /// <summary>A fix older than this is not reported (the reading then carries no fix).</summary>
    public int MaxFixAgeSeconds { get; set; } = 10;

    public OsnmaConfig Osnma { get; set; } = new();
}

/// <summary>
/// Galileo OSNMA verification on the agent, from the receiver's raw I/NAV pages (UBX-RXM-SFRBX with
/// UBX-NAV-TIMEGAL enabled on the receiver). docs/agent.md explains the trusted-time choice.
/// </summary>
public sealed record OsnmaConfig
{
    public bool Enabled { get; set; } = true;

    /// <summary>The GSC Merkle tree (OSNMA_MerkleTree_*.xml): the root of trust for every OSNMA public key.</summary>
    public string MerkleTree { get; set; } = "/etc/geoedge/osnma/OSNMA_MerkleTree.xml";

    /// <summary>Optional GSC public key (OSNMA_PublicKey_*.xml) for a warm first start; else it comes from the signal.</summary>
    public string? PublicKey { get; set; }

    /// <summary>Verified key, chain and TESLA key across restarts (default: stateDirectory/osnma-state.bin).</summary>
    public string? StateFile { get; set; }

    /// <summary>
    /// Where trusted time comes from: "system" (the host clock, which must be disciplined by NTS/NTP or PTP)
    /// or "simulation" (a GNSS simulator's clock: test rigs only; the bridge refuses it unless told otherwise).
    /// </summary>
    public string TrustedTime { get; set; } = "system";

    /// <summary>The largest error of the trusted time, in seconds (default 2: an NTS-disciplined clock is far better).</summary>
    public double MaxTimeErrorSeconds { get; set; } = 2;

    /// <summary>For "simulation": the GST (WN:TOW) the simulator's clock read at <see cref="SimulationAnchorUtc"/>.</summary>
    public string? SimulationAnchorGst { get; set; }

    /// <summary>For "simulation": the host UTC time at which the simulator's clock read <see cref="SimulationAnchorGst"/>.</summary>
    public DateTimeOffset? SimulationAnchorUtc { get; set; }

    /// <summary>For "simulation": simulated seconds per host second.</summary>
    public double SimulationSpeed { get; set; } = 1;
}

/// <summary>
/// Where the kernel exposes the host's measurements. The agent sends what is new each cycle; the quote
/// of PCRs 0-7 and 10 vouches for them. An empty path sends nothing of that kind (the bridge then
/// cannot affirm the platform).
/// </summary>
public sealed record MeasurementsConfig
{
    /// <summary>The firmware's TCG event log.</summary>
    public string BootLog { get; set; } = "/sys/kernel/security/tpm0/binary_bios_measurements";

    /// <summary>The IMA measurement list, binary or ASCII (the format is recognised).</summary>
    public string ImaList { get; set; } = "/sys/kernel/security/ima/binary_runtime_measurements";
}

/// <summary>
/// The LTE/NR modem on an AT command port (Quectel, SIMCom or any 27.007 module). Without a device the
/// host has no modem: readings carry no modem report and the composition has no IMEI, ICCID or IMSI.
/// </summary>
public sealed record ModemConfig
{
    /// <summary>The modem's AT port, e.g. /dev/ttyUSB2; null or empty: no modem.</summary>
    public string? Device { get; set; }

    public int BaudRate { get; set; } = 115200;

    /// <summary>How long one AT command may take before the modem counts as unresponsive.</summary>
    public double CommandTimeoutSeconds { get; set; } = 5;

    /// <summary>Seconds between modem reads (also on every SIM or registration URC); default 10.</summary>
    public double PollSeconds { get; set; } = 10;

    /// <summary>A SIM-detect GPIO line (libgpiod), where the board has one.</summary>
    public SimDetectConfig? SimDetect { get; set; }
}

/// <summary>The GPIO line wired to the SIM tray's card-detect switch.</summary>
public sealed record SimDetectConfig
{
    /// <summary>gpiochip name, number or path (gpiod_chip_open_lookup).</summary>
    public required string Chip { get; set; }

    public required int Line { get; set; }

    /// <summary>True when the line reads 0 with a SIM inserted.</summary>
    public bool ActiveLow { get; set; }
}

/// <summary>
/// The Unix socket on which local workloads fetch the countersigned result (GET /v1/residency). Bounded
/// so that a misbehaving local client cannot tie the agent up: see docs/agent.md.
/// </summary>
public sealed record WorkloadSocketConfig
{
    /// <summary>The socket file; its directory is created (0755) if missing. Empty: no socket.</summary>
    public string? Path { get; set; } = "/run/geoedge/agent.sock";

    /// <summary>Connections served at once; one more is answered 503 and closed.</summary>
    public int MaxConnections { get; set; } = 16;

    /// <summary>How long a client may take to send its whole request head (slow clients are cut off).</summary>
    public double ReadTimeoutSeconds { get; set; } = 5;
}

public sealed record BrokerConfig
{
    public string Host { get; set; } = "127.0.0.1";
    public int Port { get; set; } = 8883;

    /// <summary>CA that signed the broker's certificate; with CertFile/KeyFile, mutual TLS.</summary>
    public string? CaFile { get; set; }
    public string? CertFile { get; set; }
    public string? KeyFile { get; set; }
}
