namespace GeoEdge.Wire.Readings;

/// <summary>
/// What the host saw in one cycle. Its canonical bytes (<see cref="CanonicalReading"/>) are hashed
/// into the TPM quote, which binds the observation to the platform state.
/// </summary>
public sealed record Reading
{
    public const int CurrentVersion = 1;

    public required int V { get; init; }
    public required string HostId { get; init; }

    /// <summary>Strictly increasing per host, persisted by the agent across restarts.</summary>
    public required ulong Seq { get; init; }

    /// <summary>When the agent assembled the reading (UTC, millisecond precision).</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>The bridge nonce epoch current when the reading was made.</summary>
    public required string NonceEpoch { get; init; }

    /// <summary>The latest GNSS fix, or null when the receiver had none.</summary>
    public GnssFixReport? Fix { get; init; }

    /// <summary>
    /// The modem and SIM as read this cycle; null when the host has no modem configured. Omitted when
    /// null, so readings of agents without modem support keep their bytes.
    /// </summary>
    public ModemReport? Modem { get; init; }
}

/// <summary>
/// A GNSS fix as the receiver reported it; the bridge derives the uncertainty from it and decides,
/// from <see cref="Satellites"/>, <see cref="Osnma"/> and <see cref="Receiver"/>, whether the fix is
/// authenticated. The agent only reports these facts; every decision about them is the bridge's.
/// The last three members are optional so that readings from agents that predate them still decode
/// (and, being omitted when null, still encode to the very bytes those agents hashed).
/// </summary>
public sealed record GnssFixReport
{
    public required DateTimeOffset Time { get; init; }
    public required double Latitude { get; init; }
    public required double Longitude { get; init; }
    public double? AltitudeMeters { get; init; }

    /// <summary>NMEA fix quality name (Gps, Dgps, Rtk, ...).</summary>
    public required string Quality { get; init; }

    public required int SatellitesUsed { get; init; }
    public double? Hdop { get; init; }

    /// <summary>The receiver's own error estimate (NMEA GST), when it sends one.</summary>
    public GnssErrorEstimate? Error { get; init; }

    /// <summary>
    /// The satellites the fix was computed from (at most <see cref="GnssFixValidation.MaxSatellites"/>),
    /// each with its OSNMA authentication when it is a Galileo satellite. Null when the agent does
    /// not know which satellites were used: the fix then cannot count as authenticated.
    /// </summary>
    public IReadOnlyList<GnssSatellite>? Satellites { get; init; }

    /// <summary>The OSNMA verifier's state when the fix was taken; null when the agent runs none.</summary>
    public OsnmaState? Osnma { get; init; }

    /// <summary>The receiver's own jamming and spoofing verdicts; null when it reports none.</summary>
    public GnssReceiverFlags? Receiver { get; init; }
}

/// <summary>One-sigma errors in metres, from NMEA GST.</summary>
public sealed record GnssErrorEstimate
{
    public double? SigmaLatitudeMeters { get; init; }
    public double? SigmaLongitudeMeters { get; init; }
    public double? SigmaAltitudeMeters { get; init; }
    public double? SemiMajorMeters { get; init; }
    public double? SemiMinorMeters { get; init; }
    public double? OrientationDegrees { get; init; }
}
