using GeoEdge.Drivers.Gnss.Nmea;

namespace GeoEdge.Drivers.Gnss;

/// <summary>
/// The 1-sigma error ellipse and per-axis errors a receiver reports in GST, in metres;
/// orientation of the semi-major axis in degrees from true north. Receivers leave parts empty
/// (u-blox reports no ellipse, only the per-axis sigmas): those are null.
/// </summary>
public sealed record ErrorEllipse(
    double? RmsRange, double? SigmaMajor, double? SigmaMinor, double? OrientationDegrees,
    double? SigmaLatitude, double? SigmaLongitude, double? SigmaAltitude)
{
    internal static ErrorEllipse From(Gst gst) => new(gst.RmsRange, gst.SigmaMajor, gst.SigmaMinor, gst.OrientationDegrees,
        gst.SigmaLatitude, gst.SigmaLongitude, gst.SigmaAltitude);
}

/// <summary>
/// What the receiver said about one epoch, merged from its GGA/GNS/RMC/GST sentences.
/// <see cref="UtcTime"/> is null until some RMC has told the date.
/// </summary>
public sealed record GnssFix(
    DateTime? UtcTime,
    TimeOnly? TimeOfDay,
    double? Latitude,
    double? Longitude,
    double? AltitudeMsl,
    double? GeoidSeparation,
    FixQuality Quality,
    RmcStatus? Status,
    int? SatellitesUsed,
    double? Hdop,
    ErrorEllipse? Gst)
{
    /// <summary>A position the receiver stands behind: it has one, reports a fix, and RMC did not say V.</summary>
    public bool IsValid => Quality != FixQuality.NoFix && Status != RmcStatus.Void && Latitude is not null && Longitude is not null;
}

/// <summary>One satellite from the latest complete GSV cycle of its talker and signal.</summary>
public sealed record SatelliteInView(
    string Talker, GnssSystemId? System, int? SignalId, int Prn, int? ElevationDegrees, int? AzimuthDegrees, int? SnrDbHz);
