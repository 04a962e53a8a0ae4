namespace GeoEdge.Drivers.Serial;

/// <summary>Tuning for <see cref="ReconnectingSerialLineSource"/>; the defaults suit a GNSS receiver.</summary>
public sealed record SerialLineSourceOptions
{
    /// <summary>Longest line accepted, in bytes; longer runs are discarded and counted.</summary>
    public int MaxLineLength { get; init; } = 1024;

    /// <summary>First wait before reopening a device that is missing or went away.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The wait doubles after each failed open up to this ceiling.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one read waits for bytes before the loop checks again.</summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Lines waiting for the consumer; beyond this the oldest is dropped and counted.</summary>
    public int MaxQueuedLines { get; init; } = 1024;

    internal ReconnectTiming Timing => new(InitialBackoff, MaxBackoff, ReadTimeout);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxLineLength, 1, nameof(MaxLineLength));
        Timing.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxQueuedLines, 1, nameof(MaxQueuedLines));
    }
}
