namespace GeoEdge.Wire.Readings;

/// <summary>One satellite used in a fix.</summary>
public sealed record GnssSatellite
{
    /// <summary>The constellation, one of <see cref="GnssSystems"/>.</summary>
    public required string System { get; init; }

    /// <summary>
    /// The satellite's number within its system (ranges in <see cref="GnssSystems.SvidRange"/>): the
    /// PRN for GPS, Galileo and BeiDou, the orbital slot for GLONASS, the PRN for SBAS (120-158),
    /// PRN minus 192 for QZSS, the PRN for NavIC. Never the NMEA 0183 "extended" numbering.
    /// </summary>
    public required int Svid { get; init; }

    /// <summary>
    /// Galileo only: what OSNMA has authenticated of this satellite's navigation message. Null when
    /// the receiver has no OSNMA verdict for it (which the bridge treats as unauthenticated).
    /// </summary>
    public GalileoOsnmaRecord? Osnma { get; init; }
}

/// <summary>The constellation names a <see cref="GnssSatellite.System"/> may take.</summary>
public static class GnssSystems
{
    public const string Gps = "gps";
    public const string Galileo = "galileo";
    public const string Glonass = "glonass";
    public const string Beidou = "beidou";
    public const string Qzss = "qzss";
    public const string Sbas = "sbas";
    public const string Navic = "navic";

    /// <summary>The valid svid range of a system, or null when the system name is not one of ours.</summary>
    public static (int Min, int Max)? SvidRange(string system) => system switch
    {
        Gps => (1, 32),
        Galileo => (1, 36),
        Glonass => (1, 32),
        Beidou => (1, 63),
        Qzss => (1, 10),
        Sbas => (120, 158),
        Navic => (1, 14),
        _ => null,
    };
}
