namespace GeoEdge.Hil.Rig.Composition;

/// <summary>How to build a rig: where the simulated host is, what its fence is, how fast it reads.</summary>
public sealed record RigOptions
{
    public string HostId { get; init; } = "edge-01";

    /// <summary>Where the GNSS simulator says the host is (default: central Madrid).</summary>
    public double Latitude { get; init; } = 40.416775;
    public double Longitude { get; init; } = -3.703790;
    public double AltitudeMeters { get; init; } = 657;

    /// <summary>The host's circle policy, or null for none.</summary>
    public string? PolicyJson { get; init; } = DefaultPolicy;

    public string PolicyId { get; init; } = "madrid-5km";

    /// <summary>
    /// The jurisdiction policy of the group <see cref="JurisdictionGroup"/>, which the host joins; null for none.
    /// Precise disclosure like the circle's, so that the results keep the coordinates the other tests check.
    /// </summary>
    public string? JurisdictionPolicyJson { get; init; } = DefaultJurisdictionPolicy;

    public const string JurisdictionGroup = "spain-hosts";
    public const string JurisdictionPolicyId = "spain";
    public const string DefaultJurisdictionPolicy = """{"type":"jurisdiction","country":"ES","disclosure":"precise"}""";

    /// <summary>Seconds between agent readings.</summary>
    public int IntervalSeconds { get; init; } = 1;

    /// <summary>Whether the bridge trusts the swtpm local CA (false: the EK looks like an unknown manufacturer).</summary>
    public bool TrustSwtpmCa { get; init; } = true;

    public int EpochSeconds { get; init; } = 300;

    /// <summary>The rig runs its openssl TSA and the bridge time-stamps results with it (false: no TSA, for benchmarks that isolate it).</summary>
    public bool Timestamping { get; init; } = true;

    /// <summary>Agent and bridge use the broker's mutual-TLS listener (the default, as in production).</summary>
    public bool MutualTls { get; init; } = true;

    /// <summary>
    /// The official OSNMA scenario (a folder of ../shared/testdata/osnma) the simulated u-blox receiver replays
    /// as UBX; null for a plain NMEA receiver without OSNMA. eoc_step1 is operational and signed by a key the
    /// rig hands the agent (PKID 7), so authentication starts within a few simulated minutes.
    /// </summary>
    public string? OsnmaScenario { get; init; } = "eoc_step1";

    /// <summary>
    /// The simulated LTE modem the agent reads over AT commands: a Quectel EC25 with a Spanish SIM, camped on a
    /// cell the rig's cell database places near the host. With a modem the rig also runs the operator's CAMARA
    /// server, which places the SIM (<see cref="PhoneNumber"/>) where the host is. Null: no modem, no network source.
    /// </summary>
    public GeoEdge.Hil.Rig.Simulators.Modem.ModemProfile? Modem { get; init; } = GeoEdge.Hil.Rig.Simulators.Modem.ModemProfile.QuectelEc25;

    /// <summary>The MSISDN of the simulated SIM: what the bridge asks the operator's network about.</summary>
    public const string PhoneNumber = "+34600000123";

    /// <summary>How fast the replayed sky runs (20: an hour of scenario lasts three minutes).</summary>
    public double GnssSpeed { get; init; } = 20;

    public const string DefaultPolicy = """{"type":"circle","center":{"lat":40.416775,"lon":-3.703790},"radiusMeters":5000,"disclosure":"precise"}""";
}
