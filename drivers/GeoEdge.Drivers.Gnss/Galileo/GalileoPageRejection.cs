namespace GeoEdge.Drivers.Gnss.Galileo;

/// <summary>Why <see cref="GalileoPageAssembler"/> did not turn a UBX-RXM-SFRBX into a page.</summary>
public enum GalileoPageRejection
{
    /// <summary>No UBX-NAV-TIMEGAL seen yet: the page's start time is unknown.</summary>
    NoTimeYet,
    /// <summary>The latest UBX-NAV-TIMEGAL does not vouch for its time of week and week number.</summary>
    TimeInvalid,
    /// <summary>The latest UBX-NAV-TIMEGAL is older than the allowed age in receiver time.</summary>
    TimeStale,
    /// <summary>A subframe of another constellation (GPS, BeiDou, ...): not an error, just not ours.</summary>
    NotGalileo,
    /// <summary>A Galileo signal other than E1-B or E5b-I (F/NAV on E5a, for example).</summary>
    UnsupportedSignal,
    /// <summary>svId outside 1..36.</summary>
    BadSvid,
    /// <summary>A UBX-RXM-SFRBX or UBX-NAV-TIMEGAL payload that does not match its layout.</summary>
    Malformed,
    /// <summary>The even/odd bits of the two halves are not 0 then 1.</summary>
    HalvesOutOfOrder,
}
