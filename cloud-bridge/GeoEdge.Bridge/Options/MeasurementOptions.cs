namespace GeoEdge.Bridge.Options;

/// <summary>How the bridge appraises the hosts' boot event logs (docs/bridge.md).</summary>
public sealed class MeasuredBootOptions
{
    /// <summary>
    /// Reference values: a GeoEdge boot policy (JSON) or a Keylime measured-boot reference state (the
    /// format is recognised). Without one, logs are still replayed against the quote, but the platform
    /// cannot be affirmed (finding boot-policy-missing).
    /// </summary>
    public string? ReferenceFile { get; set; }
}

/// <summary>How the bridge appraises the hosts' IMA measurement lists (docs/bridge.md).</summary>
public sealed class ImaOptions
{
    /// <summary>
    /// The runtime policy in Keylime's JSON format (or a Keylime allowlist: "digest path" lines). Without
    /// one, entries are still replayed against PCR 10, but the platform cannot be affirmed (ima-policy-missing).
    /// </summary>
    public string? RuntimePolicyFile { get; set; }

    /// <summary>PEM public keys (RSA or EC) that verify ima-sig file signatures.</summary>
    public List<string> VerificationKeyFiles { get; set; } = [];

    /// <summary>
    /// The agent's executable as IMA names it: an entry with this path must pass the runtime policy in
    /// each boot, or the platform is contraindicated (agent-not-measured). Empty: not checked.
    /// </summary>
    public string AgentExecutable { get; set; } = "/usr/bin/geoedge-agent";
}
