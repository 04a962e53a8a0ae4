namespace GeoEdge.Bridge.Verification;

/// <summary>
/// One reason a result is less than affirming. The code is stable (tests and relying parties match
/// on it); the detail says what exactly was expected and seen.
/// </summary>
public sealed record Finding(string Code, string Detail)
{
    public override string ToString() => $"{Code}: {Detail}";
}

/// <summary>The finding codes. Each names one check, so a refusal always says which check failed.</summary>
public static class FindingCodes
{
    public const string MalformedPayload = "malformed-payload";
    public const string HostNotEnrolled = "host-not-enrolled";
    public const string HostMismatch = "host-mismatch";
    public const string MalformedQuote = "malformed-quote";
    public const string BadSignature = "bad-signature";
    public const string NotAQuote = "not-a-quote";
    public const string QualifyingDataMismatch = "qualifying-data-mismatch";
    public const string MalformedReading = "malformed-reading";
    public const string StaleNonceEpoch = "stale-nonce-epoch";
    public const string ReplayedReading = "replayed-reading";
    public const string LateReading = "late-reading";
    public const string TpmClockRegressed = "tpm-clock-regressed";
    public const string PcrSelectionIncomplete = "pcr-selection-incomplete";
    public const string PcrDigestMismatch = "pcr-digest-mismatch";
    public const string NoGnssFix = "no-gnss-fix";
    public const string NoPolicy = "no-policy";
    public const string PolicyInvalid = "policy-invalid";
    public const string OutsideFence = "outside-fence";
    public const string IndeterminateFence = "indeterminate-fence";

    // GNSS authentication (Galileo OSNMA): each keeps the location result below affirming.
    /// <summary>The fix does not say which satellites it used, or the agent reports no OSNMA state.</summary>
    public const string GnssUnauthenticated = "gnss-unauthenticated";
    /// <summary>A satellite used is not Galileo, or its navigation data is not OSNMA-authenticated, or some used satellites are not listed.</summary>
    public const string GnssSatelliteUnauthenticated = "gnss-satellite-unauthenticated";
    /// <summary>A satellite's last authentication is further from the fix time than the configured age.</summary>
    public const string GnssAuthenticationStale = "gnss-authentication-stale";
    /// <summary>Fewer than four satellites with authenticated navigation data: not enough for a fix of its own.</summary>
    public const string GnssTooFewAuthenticated = "gnss-too-few-authenticated";
    /// <summary>The receiver indicates or affirms spoofing: the location is contraindicated.</summary>
    public const string GnssSpoofingIndicated = "gnss-spoofing-indicated";
    /// <summary>The receiver reports jamming: a warning only, the fix may still be authenticated.</summary>
    public const string GnssJammingIndicated = "gnss-jamming-indicated";
    /// <summary>The verifier's time source is not trusted, or may be off by more than OSNMA tolerates.</summary>
    public const string GnssUntrustedTime = "gnss-untrusted-time";
    /// <summary>Galileo declares OSNMA "test" and the bridge is not configured to accept it.</summary>
    public const string OsnmaTestMode = "osnma-test-mode";
    /// <summary>Galileo declares OSNMA "dont-use".</summary>
    public const string OsnmaNotOperational = "osnma-not-operational";
    /// <summary>The agent has received no NMA status yet (just started, or no Galileo page with OSNMA data).</summary>
    public const string OsnmaNoStatus = "osnma-no-status";
    /// <summary>The agent's verifier has received an OSNMA alert message (chain or key revoked).</summary>
    public const string OsnmaAlert = "osnma-alert";

    // Geolocation (GL); the contradictions between sources keep GL's own codes (gnss-cell-mismatch, network-denies, ...).
    /// <summary>GL's grade of the composite location is below Bridge:Geolocation:MinimumGrade.</summary>
    public const string LocationGradeBelowMinimum = "location-grade-below-minimum";
    /// <summary>The network could not be asked or did not answer (a note, not a reason: the grade says what it costs).</summary>
    public const string NetworkUnavailable = "network-unavailable";

    // Measured boot and IMA (platform appraisal of accepted readings).
    /// <summary>No verified boot event log matches the quoted PCRs 0-7 (warning; the agent is asked for it).</summary>
    public const string BootLogMissing = "boot-log-missing";
    /// <summary>The boot event log cannot be parsed.</summary>
    public const string BootLogMalformed = "boot-log-malformed";
    /// <summary>The boot event log does not replay to the quoted PCRs: it is not the log of this boot.</summary>
    public const string BootLogMismatch = "boot-log-mismatch";
    /// <summary>No measured-boot reference values are configured (warning).</summary>
    public const string BootPolicyMissing = "boot-policy-missing";
    /// <summary>No IMA runtime policy is configured (warning).</summary>
    public const string ImaPolicyMissing = "ima-policy-missing";
    /// <summary>IMA entries are missing between those appraised and those sent, or PCR 10 moved without any (warning).</summary>
    public const string ImaEntriesMissing = "ima-entries-missing";
    /// <summary>The IMA entries cannot be parsed.</summary>
    public const string ImaListMalformed = "ima-list-malformed";
    /// <summary>The IMA entries do not replay to the quoted PCR 10.</summary>
    public const string ImaReplayMismatch = "ima-replay-mismatch";
    /// <summary>No IMA entry of this boot shows the agent's own executable with an approved digest.</summary>
    public const string AgentNotMeasured = "agent-not-measured";

    // Host composition (modem and SIM identities against the approved composition).
    /// <summary>IMEI, ICCID or IMSI differ from the approved composition, or the modem is gone: until an operator approves.</summary>
    public const string CompositionChanged = "composition-changed";
    /// <summary>The SIM is not inserted (+CPIN or the SIM-detect line).</summary>
    public const string SimRemoved = "sim-removed";
    /// <summary>The SIM is present but locked or not ready: its identities cannot be compared (warning).</summary>
    public const string SimNotReady = "sim-not-ready";
}
