namespace GeoEdge.Hil.Rig.Simulators.Modem;

/// <summary>Fixed settings of a <see cref="ModemSimulator"/>.</summary>
public sealed record ModemSimulatorOptions
{
    public int BaudRate { get; init; } = 115200;

    /// <summary>How long after a state change its URCs go out (a module reports after the fact, never mid-response).</summary>
    public TimeSpan UrcDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest command line kept; a longer one is discarded up to its CR and answered ERROR.</summary>
    public int MaxCommandLength { get; init; } = 1024;

    /// <summary>How long a write may wait for a host that does not read before the bytes are dropped.</summary>
    public TimeSpan WriteTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long <see cref="ModemSimulator.StartAsync"/> waits for the pty to open.</summary>
    public TimeSpan OpenTimeout { get; init; } = TimeSpan.FromSeconds(5);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(UrcDelay.Ticks, nameof(UrcDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxCommandLength, 16, nameof(MaxCommandLength));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxCommandLength, 64 * 1024, nameof(MaxCommandLength));
        ArgumentOutOfRangeException.ThrowIfLessThan(WriteTimeout, TimeSpan.FromMilliseconds(1), nameof(WriteTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(OpenTimeout, TimeSpan.Zero, nameof(OpenTimeout));
    }
}
