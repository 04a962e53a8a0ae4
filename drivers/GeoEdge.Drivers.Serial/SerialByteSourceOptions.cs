namespace GeoEdge.Drivers.Serial;

/// <summary>Tuning for <see cref="ReconnectingSerialByteSource"/>; the defaults suit a GNSS receiver.</summary>
public sealed record SerialByteSourceOptions
{
    /// <summary>First wait before reopening a device that is missing or went away.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The wait doubles after each failed open up to this ceiling.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one read waits for bytes before the loop checks again.</summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromMilliseconds(250);

    internal ReconnectTiming Timing => new(InitialBackoff, MaxBackoff, ReadTimeout);
}
