using GeoEdge.Drivers.Gnss.Galileo;
using GeoEdge.Drivers.Osnma;

namespace GeoEdge.Agent.Gnss;

/// <summary>
/// Trusted time for a GNSS simulator replaying a recorded sky: the simulator's clock read
/// <paramref name="anchorGst"/> at host time <paramref name="anchorUtc"/> and runs <paramref name="speed"/>
/// times as fast as the host clock. Test rigs only: readings say so (time source "simulation"), and the
/// bridge does not let such a fix count as authenticated unless it was configured to.
/// </summary>
public sealed class SimulatedTrustedClock(GalileoSystemTime anchorGst, DateTimeOffset anchorUtc, double speed, TimeSpan maxError, TimeProvider? time = null)
    : ITrustedClock
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public TrustedTime? Now()
    {
        var elapsed = (_time.GetUtcNow() - anchorUtc).TotalSeconds * speed;
        var seconds = anchorGst.TotalSeconds + (long)Math.Floor(elapsed);
        return seconds < 0 ? null : new TrustedTime(GalileoSystemTime.FromTotalSeconds(seconds), maxError);
    }
}
