using GeoEdge.Drivers.Gnss.Galileo;

namespace GeoEdge.Drivers.Osnma;

/// <summary>
/// The host clock as trusted time, assumed disciplined by NTS or authenticated NTP to within
/// <see cref="MaxError"/> (the integrator's claim; this class cannot check it). UTC becomes GST with
/// <see cref="GalileoSystemTime.CurrentLeapSeconds"/>; widen the error if a leap second may be pending.
/// </summary>
public sealed class SystemTrustedClock : ITrustedClock
{
    private readonly TimeProvider _time;

    public SystemTrustedClock(TimeSpan maxError, TimeProvider? time = null)
    {
        if (maxError < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(maxError), maxError, "a time error bound is not negative");
        MaxError = maxError;
        _time = time ?? TimeProvider.System;
    }

    public TimeSpan MaxError { get; }

    public TrustedTime? Now() => new TrustedTime(GalileoSystemTime.FromUtc(_time.GetUtcNow()), MaxError);
}
