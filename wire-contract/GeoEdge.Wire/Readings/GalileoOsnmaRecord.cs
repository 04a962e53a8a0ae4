namespace GeoEdge.Wire.Readings;

/// <summary>
/// OSNMA's verdict on one Galileo satellite's I/NAV data (Galileo OSNMA SIS ICD): the navigation data
/// the fix used (ephemeris, clock corrections and status, ADKD 0 and the slow-MAC ADKD 12) and the
/// timing data (GST-UTC and GST-GPS conversion, ADKD 4).
/// </summary>
public sealed record GalileoOsnmaRecord
{
    public required OsnmaNavDataAuthentication NavData { get; init; }
    public required OsnmaTimingAuthentication Timing { get; init; }
}

/// <summary>Authentication of the ephemeris and clock data (ADKD 0/12) the fix was computed with.</summary>
public sealed record OsnmaNavDataAuthentication
{
    /// <summary>True when the navigation data set the fix used (this IODnav) has a verified tag.</summary>
    public required bool Authenticated { get; init; }

    /// <summary>When a tag over this satellite's navigation data was last verified (UTC); null if never.</summary>
    public DateTimeOffset? LastAuthenticated { get; init; }

    /// <summary>The issue of data (IODnav, 10 bits) of the navigation data set the fix used.</summary>
    public int? Iodnav { get; init; }
}

/// <summary>Authentication of the timing data (ADKD 4) broadcast by this satellite.</summary>
public sealed record OsnmaTimingAuthentication
{
    public required bool Authenticated { get; init; }

    /// <summary>When a tag over this satellite's timing data was last verified (UTC); null if never.</summary>
    public DateTimeOffset? LastAuthenticated { get; init; }
}
