namespace GeoEdge.Drivers.Modem;

/// <summary>Timing and bounds of an <see cref="AtChannel"/>; the defaults suit an LTE module on USB or UART.</summary>
public sealed record AtChannelOptions
{
    /// <summary>Timeout of a command sent without its own (most 27.007 read commands answer in well under a second).</summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long each "AT" probe of the recovery waits for OK.</summary>
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Probes before the modem is declared unavailable.</summary>
    public int ProbeAttempts { get; init; } = 3;

    /// <summary>Quiet time before probing, so the late tail of a timed-out answer is discarded rather than taken for the probe's.</summary>
    public TimeSpan RecoveryDrain { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest line kept, in characters; longer lines are discarded and counted.</summary>
    public int MaxLineLength { get; init; } = 1024;

    /// <summary>Most information lines in one response; more fails the command (a modem stuck in a loop).</summary>
    public int MaxLinesPerResponse { get; init; } = 64;

    /// <summary>Where the channel reports what it discards and handler failures; nothing when null.</summary>
    public Action<string>? Log { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(DefaultTimeout, TimeSpan.Zero, nameof(DefaultTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ProbeTimeout, TimeSpan.Zero, nameof(ProbeTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(ProbeAttempts, 1, nameof(ProbeAttempts));
        ArgumentOutOfRangeException.ThrowIfLessThan(RecoveryDrain, TimeSpan.Zero, nameof(RecoveryDrain));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxLineLength, 16, nameof(MaxLineLength));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxLinesPerResponse, 1, nameof(MaxLinesPerResponse));
    }
}
