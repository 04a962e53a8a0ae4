namespace GeoEdge.Wire.Readings;

/// <summary>The receiver's own interference verdicts (u-blox UBX-SEC-SIG and UBX-MON-HW).</summary>
public sealed record GnssReceiverFlags
{
    /// <summary>UBX-SEC-SIG jammingState by name (<see cref="JammingStates"/>).</summary>
    public required string Jamming { get; init; }

    /// <summary>UBX-SEC-SIG spoofingState by name (<see cref="SpoofingStates"/>).</summary>
    public required string Spoofing { get; init; }

    /// <summary>UBX-MON-HW jamInd: continuous-wave jamming, 0 (none) to 255 (strong); null when not read.</summary>
    public int? JamIndicator { get; init; }
}

/// <summary>
/// UBX-SEC-SIG jammingState 0-3: unknown (or detection disabled), none, warning (interference, fix
/// still OK), critical (interference, no fix).
/// </summary>
public static class JammingStates
{
    public const string Unknown = "unknown";
    public const string None = "none";
    public const string Warning = "warning";
    public const string Critical = "critical";

    public static bool IsKnown(string value) => value is Unknown or None or Warning or Critical;
}

/// <summary>
/// UBX-SEC-SIG spoofingState 0-3: unknown (or detection disabled), none (no spoofing indicated),
/// indicated (spoofing indicated), affirmed (spoofing affirmed). Reserved values travel as unknown.
/// </summary>
public static class SpoofingStates
{
    public const string Unknown = "unknown";
    public const string None = "none";
    public const string Indicated = "indicated";
    public const string Affirmed = "affirmed";

    public static bool IsKnown(string value) => value is Unknown or None or Indicated or Affirmed;
}
