using GeoEdge.Drivers.Gnss.Galileo;

namespace GeoEdge.Drivers.Osnma;

/// <summary>Clocks that follow the pages being processed (the receiver tells them each page's start first).</summary>
internal interface IPageClock
{
    void OnPage(GalileoSystemTime pageStart);
}

/// <summary>
/// Trusted time = the start time of the page being processed, with zero error. ONLY for replaying recordings
/// whose own time is taken as true (test vectors, archived captures): it trusts the very GST a spoofer would
/// forge, so it proves nothing about a live signal. Live receivers use <see cref="SystemTrustedClock"/>.
/// </summary>
public sealed class ReplayTrustedClock : ITrustedClock, IPageClock
{
    private GalileoSystemTime? _current;

    public TrustedTime? Now() => _current is { } gst ? new TrustedTime(gst, TimeSpan.Zero) : null;

    void IPageClock.OnPage(GalileoSystemTime pageStart) => _current = pageStart;
}
