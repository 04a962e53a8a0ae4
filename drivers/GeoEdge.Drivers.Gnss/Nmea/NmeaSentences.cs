namespace GeoEdge.Drivers.Gnss.Nmea;

/// <summary>
/// A decoded NMEA 0183 sentence. Every field that was empty in the sentence is null here, never
/// zero. Latitudes and longitudes are signed decimal degrees (south and west negative); times
/// are UTC time of day.
/// </summary>
public abstract record NmeaSentence(string Talker)
{
    /// <summary>The three-letter sentence formatter: GGA, RMC, GSA, GSV, GNS or GST.</summary>
    public abstract string SentenceType { get; }
}

/// <summary>GGA: time, position and fix data.</summary>
public sealed record Gga(
    string Talker, TimeOnly? Time, double? Latitude, double? Longitude, FixQuality? Quality,
    int? SatellitesUsed, double? Hdop, double? AltitudeMsl, double? GeoidSeparation,
    double? DgpsAgeSeconds, string? DgpsStationId) : NmeaSentence(Talker)
{
    public override string SentenceType => "GGA";
}

/// <summary>RMC: recommended minimum data. Mode is absent before NMEA 2.3, NavigationalStatus before 4.1.</summary>
public sealed record Rmc(
    string Talker, TimeOnly? Time, RmcStatus? Status, double? Latitude, double? Longitude,
    double? SpeedKnots, double? CourseDegrees, DateOnly? Date, double? MagneticVariation,
    PositioningMode? Mode, char? NavigationalStatus) : NmeaSentence(Talker)
{
    public override string SentenceType => "RMC";
}

/// <summary>GSA: DOP and active satellites. SelectionMode is 'M' (manual) or 'A' (automatic 2D/3D); SystemId from NMEA 4.11.</summary>
public sealed record Gsa(
    string Talker, char? SelectionMode, GsaFixType? FixType, IReadOnlyList<int> SatellitePrns,
    double? Pdop, double? Hdop, double? Vdop, GnssSystemId? SystemId) : NmeaSentence(Talker)
{
    public override string SentenceType => "GSA";
}

/// <summary>One satellite of a GSV message; elevation, azimuth and SNR are empty while unknown or not tracked.</summary>
public sealed record GsvSatellite(int Prn, int? ElevationDegrees, int? AzimuthDegrees, int? SnrDbHz);

/// <summary>GSV: satellites in view, up to four per message; SignalId from NMEA 4.10.</summary>
public sealed record Gsv(
    string Talker, int TotalMessages, int MessageNumber, int SatellitesInView,
    IReadOnlyList<GsvSatellite> Satellites, int? SignalId) : NmeaSentence(Talker)
{
    public override string SentenceType => "GSV";
}

/// <summary>
/// GNS: multi-constellation fix data. ModeIndicators has one <see cref="PositioningMode"/> letter
/// per constellation (GPS, GLONASS, Galileo, BeiDou, QZSS, NavIC, in that order, as many as the
/// receiver reports).
/// </summary>
public sealed record Gns(
    string Talker, TimeOnly? Time, double? Latitude, double? Longitude, string? ModeIndicators,
    int? SatellitesUsed, double? Hdop, double? AltitudeMsl, double? GeoidSeparation,
    double? DgpsAgeSeconds, string? DgpsStationId, char? NavigationalStatus) : NmeaSentence(Talker)
{
    public override string SentenceType => "GNS";

    public IReadOnlyList<PositioningMode> Modes => ModeIndicators is null ? [] : ModeIndicators.Select(c => (PositioningMode)c).ToArray();
}

/// <summary>GST: pseudorange error statistics, in metres; orientation of the semi-major axis in degrees from true north.</summary>
public sealed record Gst(
    string Talker, TimeOnly? Time, double? RmsRange, double? SigmaMajor, double? SigmaMinor,
    double? OrientationDegrees, double? SigmaLatitude, double? SigmaLongitude, double? SigmaAltitude) : NmeaSentence(Talker)
{
    public override string SentenceType => "GST";
}
