namespace GeoEdge.Bridge.Options;

/// <summary>
/// The bridge's configuration (section "Bridge" of appsettings.json, environment variables
/// GEOEDGE_Bridge__X, or --Bridge:X=value on the command line). docs/bridge.md documents each.
/// </summary>
public sealed class BridgeOptions
{
    /// <summary>SQLite database file.</summary>
    public string Database { get; set; } = "geoedge-bridge.db";

    public BrokerOptions Broker { get; set; } = new();

    /// <summary>PEM file of the ES256 key that signs results; created (0600) if missing.</summary>
    public string SigningKey { get; set; } = "geoedge-bridge-signing-key.pem";

    /// <summary>
    /// Directories of trusted EK CA certificates (PEM or DER, searched recursively). Empty means the
    /// manufacturer CAs shipped with the bridge (the ek-ca folder beside the executable).
    /// </summary>
    public List<string> EkCaDirectories { get; set; } = [];

    /// <summary>Also trust the shipped manufacturer CAs when EkCaDirectories is set.</summary>
    public bool IncludeShippedEkCas { get; set; } = true;

    /// <summary>How long a nonce epoch lasts; the previous epoch stays acceptable for as long again.</summary>
    public int EpochSeconds { get; set; } = 300;

    /// <summary>
    /// How old an epoch a held-back reading may name and still be accepted (flagged late-reading): the
    /// longest broker outage or host disconnection after which queued readings still count.
    /// </summary>
    public int LateReadingWindowSeconds { get; set; } = 86400;

    /// <summary>Lifetime of an issued EAR (its exp claim).</summary>
    public int ResultLifetimeSeconds { get; set; } = 900;

    /// <summary>A credential-activation challenge not answered within this is discarded.</summary>
    public int ChallengeTimeoutSeconds { get; set; } = 120;

    /// <summary>When a GNSS fix counts as OSNMA-authenticated.</summary>
    public GnssAuthenticationOptions Gnss { get; set; } = new();

    /// <summary>Reference values for the hosts' boot event logs.</summary>
    public MeasuredBootOptions MeasuredBoot { get; set; } = new();

    /// <summary>Runtime policy and keys for the hosts' IMA lists.</summary>
    public ImaOptions Ima { get; set; } = new();

    /// <summary>
    /// Directory of the country and subdivision boundaries (countries.geojson, subdivisions.geojson from
    /// scripts/fetch-boundaries.sh) for jurisdiction policies and claims. Null: $GEOEDGE_BOUNDARIES or the
    /// checkout's artifacts/boundaries, and without files there the bridge runs without jurisdictions.
    /// A directory given here must load, or the bridge does not start.
    /// </summary>
    public string? Boundaries { get; set; }

    /// <summary>The Geolocation service: cell database, fusion tolerances, the grade needed, CAMARA.</summary>
    public GeolocationOptions Geolocation { get; set; } = new();

    /// <summary>The RFC 3161 TSA that puts trusted time on results; off unless its Url is set.</summary>
    public TimestampingOptions Timestamping { get; set; } = new();
}

public sealed class BrokerOptions
{
    public string Host { get; set; } = "127.0.0.1";
    public int Port { get; set; } = 1883;
    public string ClientId { get; set; } = "geoedge-bridge";

    /// <summary>Join the MQTT v5 shared subscription group so several bridges split the load.</summary>
    public bool Shared { get; set; }

    public string? CaFile { get; set; }
    public string? CertFile { get; set; }
    public string? KeyFile { get; set; }
}
