namespace GeoEdge.Bridge.Options;

/// <summary>
/// When a GNSS fix counts as OSNMA-authenticated (section "Bridge:Gnss"; docs/bridge.md). The defaults
/// are the production rule; the two Accept switches exist for test benches, never for the field.
/// </summary>
public sealed class GnssAuthenticationOptions
{
    /// <summary>
    /// How far from the fix time a satellite's last navigation-data authentication may be. OSNMA
    /// re-authenticates each satellite every 30 s subframe it is tracked; five minutes tolerates lost
    /// subframes without letting an old authentication cover a new (possibly spoofed) signal.
    /// </summary>
    public int MaxAuthenticationAgeSeconds { get; set; } = 300;

    /// <summary>
    /// The largest time error the agent's OSNMA verifier may admit. TESLA is only secure if the receiver
    /// knows GST well enough to tell a key that is not yet disclosed from one that is; 30 s is the
    /// synchronisation bound the OSNMA receiver guidelines work with.
    /// </summary>
    public double MaxTimeErrorSeconds { get; set; } = 30;

    /// <summary>Count fixes authenticated while Galileo declares NMAS "test" (test campaigns only).</summary>
    public bool AcceptOsnmaTestMode { get; set; }

    /// <summary>Trust an OSNMA verifier that takes its time from a replayed capture or a simulator (HIL rigs only).</summary>
    public bool AcceptSimulatedTime { get; set; }
}
