using GeoEdge.Drivers.Gnss.Galileo;

namespace GeoEdge.Drivers.Osnma;

/// <summary>A time the receiver trusts independently of the signal, and how far the true GST can be from it.</summary>
public readonly record struct TrustedTime(GalileoSystemTime Gst, TimeSpan MaxError);

/// <summary>
/// Where trusted time comes from. TESLA only protects a tag that is proven to have been received before its
/// key could be known; the signal's own GST cannot prove that (a replay attacker sets it), so the receiver
/// asks this clock. Null means "no trusted time now": nothing is authenticated while that lasts.
/// </summary>
public interface ITrustedClock
{
    TrustedTime? Now();
}
