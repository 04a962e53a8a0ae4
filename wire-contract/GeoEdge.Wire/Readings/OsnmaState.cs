namespace GeoEdge.Wire.Readings;

/// <summary>The agent's OSNMA verifier as it stood when the fix was taken.</summary>
public sealed record OsnmaState
{
    /// <summary>
    /// The navigation message authentication status last broadcast (<see cref="OsnmaNmas"/>), or null
    /// when no OSNMA data has been received.
    /// </summary>
    public string? Nmas { get; init; }

    /// <summary>The TESLA chain in force (CID, 0-3), when known.</summary>
    public int? ChainId { get; init; }

    /// <summary>The ECDSA public key in force (PKID, 0-15), when known.</summary>
    public int? PublicKeyId { get; init; }

    /// <summary>How the verifier started (<see cref="OsnmaStartModes"/>), when known.</summary>
    public string? StartMode { get; init; }

    /// <summary>True once an OSNMA alert message (chain or key revocation) has been received.</summary>
    public required bool AlertReceived { get; init; }

    /// <summary>
    /// Where the verifier took the time it checks TESLA key disclosure against
    /// (<see cref="TrustedTimeSources"/>). OSNMA is only secure if that time is right to a few seconds.
    /// </summary>
    public required string TimeSource { get; init; }

    /// <summary>The largest error the time source may have, in seconds (finite, not negative).</summary>
    public required double TimeMaxErrorSeconds { get; init; }
}

/// <summary>NMAS values (OSNMA SIS ICD, NMA header): the status the Galileo system declares.</summary>
public static class OsnmaNmas
{
    public const string Operational = "operational";
    public const string Test = "test";
    public const string DontUse = "dont-use";

    public static bool IsKnown(string value) => value is Operational or Test or DontUse;
}

/// <summary>
/// Verifier start modes: cold (only the Merkle root is stored, the public key must come from the
/// signal), warm (a verified public key is stored), hot (a verified TESLA key is stored as well).
/// </summary>
public static class OsnmaStartModes
{
    public const string Cold = "cold";
    public const string Warm = "warm";
    public const string Hot = "hot";

    public static bool IsKnown(string value) => value is Cold or Warm or Hot;
}

/// <summary>
/// Time sources of the OSNMA verifier: the host's own (disciplined) clock, the recorded time of a replayed
/// capture, or a simulator's clock. Only "system" is a real-world source of trust.
/// </summary>
public static class TrustedTimeSources
{
    public const string System = "system";
    public const string Replay = "replay";
    public const string Simulation = "simulation";

    public static bool IsKnown(string value) => value is System or Replay or Simulation;
}
