namespace GeoEdge.Agent.Configuration;

/// <summary>
/// The agent's configuration file (JSON; docs/agent.md and docs/agent.example.json). Every member has
/// a default that suits a host under systemd, so a file only names what differs.
/// </summary>
public sealed record AgentConfig
{
    /// <summary>This host's id in the topic tree and at the bridge (default: the machine's hostname).</summary>
    public string? HostId { get; init; }

    /// <summary>TPM TCTI: "device:/dev/tpmrm0" on hardware, "swtpm:host=127.0.0.1,port=N" in tests.</summary>
    public string Tcti { get; init; } = "device:/dev/tpmrm0";

    public GnssConfig Gnss { get; init; } = new();
    public BrokerConfig Broker { get; init; } = new();

    /// <summary>Seconds between readings (default 300; as low as 1 for tests and demos).</summary>
    public int IntervalSeconds { get; init; } = 300;

    /// <summary>Sequence counter, AK creation record, outbox, latest result.</summary>
    public string StateDirectory { get; init; } = "/var/lib/geoedge";

    /// <summary>Persistent handle of the attestation key (TPM owner range 0x81000000-0x817FFFFF).</summary>
    public string AkHandle { get; init; } = "0x81010002";

    /// <summary>PCRs quoted each cycle (sha256 bank): boot (0-7) and IMA (10).</summary>
    public int[] Pcrs { get; init; } = [0, 1, 2, 3, 4, 5, 6, 7, 10];

    /// <summary>Stop after this many readings were acknowledged by the broker (0: run until stopped).</summary>
    public int Readings { get; init; }
}

public sealed record GnssConfig
{
    /// <summary>Serial device of the GNSS receiver (NMEA).</summary>
    public string Device { get; init; } = "/dev/ttyACM0";

    public int BaudRate { get; init; } = 9600;

    /// <summary>A fix older than this is not reported (the reading then carries no fix).</summary>
    public int MaxFixAgeSeconds { get; init; } = 10;
}

public sealed record BrokerConfig
{
    public string Host { get; init; } = "127.0.0.1";
    public int Port { get; init; } = 8883;

    /// <summary>CA that signed the broker's certificate; with CertFile/KeyFile, mutual TLS.</summary>
    public string? CaFile { get; init; }
    public string? CertFile { get; init; }
    public string? KeyFile { get; init; }
}
