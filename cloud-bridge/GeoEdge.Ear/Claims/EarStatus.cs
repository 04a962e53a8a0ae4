namespace GeoEdge.Ear;

/// <summary>
/// AR4SI trustworthiness tiers (draft-ietf-rats-ar4si section 3.2). The numeric values are the
/// CBOR encodings registered for ear_status by draft-ietf-rats-ear-03 (0, 2, 32, 96); in JSON the
/// tier is written by name.
/// </summary>
public enum EarStatus
{
    None = 0,
    Affirming = 2,
    Warning = 32,
    Contraindicated = 96,
}

public static class EarStatusExtensions
{
    /// <summary>The JSON spelling: "none", "affirming", "warning", "contraindicated".</summary>
    public static string ToClaimValue(this EarStatus status) => status switch
    {
        EarStatus.None => "none",
        EarStatus.Affirming => "affirming",
        EarStatus.Warning => "warning",
        EarStatus.Contraindicated => "contraindicated",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "not an AR4SI trustworthiness tier"),
    };

    public static bool TryParseClaimValue(string text, out EarStatus status)
    {
        foreach (var candidate in All)
        {
            if (candidate.ToClaimValue() != text) continue;
            status = candidate;
            return true;
        }
        status = default;
        return false;
    }

    /// <summary>Accepts the four CBOR code points too, which some JSON producers emit instead of names.</summary>
    public static bool TryFromCodePoint(long value, out EarStatus status)
    {
        status = (EarStatus)(int)Math.Clamp(value, int.MinValue, int.MaxValue);
        return value is 0 or 2 or 32 or 96;
    }

    /// <summary>
    /// How bad a tier is, for "worst status" rules: affirming &lt; none &lt; warning &lt; contraindicated.
    /// "none" ranks below affirming on purpose: an attester nobody could appraise must not make a
    /// composite EAR read as affirmed.
    /// </summary>
    public static int Severity(this EarStatus status) => status switch
    {
        EarStatus.Affirming => 0,
        EarStatus.None => 1,
        EarStatus.Warning => 2,
        EarStatus.Contraindicated => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "not an AR4SI trustworthiness tier"),
    };

    public static EarStatus Worst(this EarStatus a, EarStatus b) => a.Severity() >= b.Severity() ? a : b;

    /// <summary>
    /// The tier a trustworthiness claim value falls in (AR4SI section 2.3): none [-1, 1],
    /// affirming [2, 31] and [-32, -2], warning [32, 95] and [-96, -33], contraindicated [96, 127] and [-128, -97].
    /// </summary>
    public static EarStatus TierOfClaimValue(int value) => value switch
    {
        < TrustVector.MinClaimValue or > TrustVector.MaxClaimValue =>
            throw new ArgumentOutOfRangeException(nameof(value), value, "trustworthiness claims range from -128 to 127"),
        >= -1 and <= 1 => EarStatus.None,
        (>= 2 and <= 31) or (>= -32 and <= -2) => EarStatus.Affirming,
        (>= 32 and <= 95) or (>= -96 and <= -33) => EarStatus.Warning,
        _ => EarStatus.Contraindicated,
    };

    private static readonly EarStatus[] All = [EarStatus.None, EarStatus.Affirming, EarStatus.Warning, EarStatus.Contraindicated];
}
