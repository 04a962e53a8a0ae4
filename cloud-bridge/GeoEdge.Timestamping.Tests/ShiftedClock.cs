namespace GeoEdge.Timestamping.Tests;

/// <summary>The system clock, off by a fixed amount: a host whose clock has drifted from the TSA's.</summary>
internal sealed class ShiftedClock(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + offset;
}
