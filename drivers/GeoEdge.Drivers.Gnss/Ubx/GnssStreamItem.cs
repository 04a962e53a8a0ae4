namespace GeoEdge.Drivers.Gnss.Ubx;

/// <summary>One message recovered from a mixed NMEA/UBX byte stream.</summary>
public abstract record GnssStreamItem;

/// <summary>A checksum-verified UBX frame.</summary>
public sealed record UbxStreamItem(UbxFrame Frame) : GnssStreamItem;

/// <summary>
/// One NMEA line from '$' up to (not including) the terminating "\r\n" or "\n". Only framing is
/// checked here (printable ASCII, bounded length); the NMEA parser checks the sentence itself.
/// </summary>
public sealed record NmeaLineItem(string Line) : GnssStreamItem;
