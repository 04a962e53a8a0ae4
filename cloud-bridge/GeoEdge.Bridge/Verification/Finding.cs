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
}
