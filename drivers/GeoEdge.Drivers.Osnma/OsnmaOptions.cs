namespace GeoEdge.Drivers.Osnma;

/// <summary>Receiver settings; the defaults follow the OSNMA Receiver Guidelines.</summary>
public sealed record OsnmaOptions
{
    /// <summary>
    /// Verified tag bits needed before navigation data counts as authenticated. The Receiver Guidelines asked for 80;
    /// the GSC lowered the threshold to 40 bits on 2024-01-15 (one tag of the current 40-bit size), which is the
    /// current rule and the one the test vectors' reference counts use.
    /// </summary>
    public int AuthenticationThresholdBits { get; init; } = 40;

    /// <summary>Most one-way-function steps spent verifying one TESLA key (default: one week of subframes).</summary>
    public int MaxTeslaHashSteps { get; init; } = 7 * 24 * 120;

    /// <summary>How often the latest TESLA key alone is worth a state write (public key and KROOT changes are saved at once).</summary>
    public TimeSpan TeslaKeySaveInterval { get; init; } = TimeSpan.FromHours(1);

    public void Validate()
    {
        if (AuthenticationThresholdBits is < 1 or > 10_000) throw new ArgumentOutOfRangeException(nameof(AuthenticationThresholdBits), AuthenticationThresholdBits, "1..10000 bits");
        if (MaxTeslaHashSteps is < 1 or > 1_000_000) throw new ArgumentOutOfRangeException(nameof(MaxTeslaHashSteps), MaxTeslaHashSteps, "1..1000000 steps");
        if (TeslaKeySaveInterval < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(TeslaKeySaveInterval));
    }
}
