namespace GeoEdge.MeasuredBoot;

/// <summary>
/// Bounds on what the parser accepts, so a hostile log cannot make it allocate or loop without end.
/// Real firmware logs are tens of kilobytes with a few hundred events; the defaults leave a wide margin.
/// </summary>
public sealed record EventLogLimits
{
    public static EventLogLimits Default { get; } = new();

    public int MaxLogBytes { get; init; } = 8 * 1024 * 1024;
    public int MaxEvents { get; init; } = 100_000;
    public int MaxEventDataBytes { get; init; } = 1024 * 1024;
}
