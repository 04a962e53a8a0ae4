namespace GeoEdge.Geolocation.Tests;

/// <summary>A clock the test moves by hand (token expiry, lastLocationTime checks).</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
