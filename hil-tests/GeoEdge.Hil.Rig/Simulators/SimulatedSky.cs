using GeoEdge.Drivers.Gnss.Nmea;

namespace GeoEdge.Hil.Rig.Simulators;

/// <summary>
/// The fixed sky and accuracy figures the GNSS simulator reports: GPS L1 C/A and Galileo E1
/// satellites with plausible elevations and C/N0, open-sky DOPs and GST sigmas of a few metres.
/// </summary>
public sealed record SimulatedSky(
    IReadOnlyList<GsvSatellite> Gps, IReadOnlyList<int> GpsUsed,
    IReadOnlyList<GsvSatellite> Galileo, IReadOnlyList<int> GalileoUsed,
    double Pdop, double Hdop, double Vdop, double GeoidSeparation,
    double RmsRange, double SigmaMajor, double SigmaMinor, double Orientation,
    double SigmaLatitude, double SigmaLongitude, double SigmaAltitude)
{
    // NMEA 4.11 ids: system 1 = GPS, 3 = Galileo; signal 1 = GPS L1 C/A, 7 = Galileo E1 B/C.
    public const int GpsL1Signal = 1;
    public const int GalileoE1Signal = 7;

    public static SimulatedSky Default { get; } = new(
        Gps: [new(2, 67, 48, 44), new(5, 41, 287, 42), new(12, 33, 152, 40), new(13, 22, 75, 38), new(15, 58, 220, 45), new(18, 12, 318, 31), new(24, 8, 12, 27)],
        GpsUsed: [2, 5, 12, 13, 15, 18],
        Galileo: [new(4, 52, 101, 43), new(9, 28, 199, 39), new(11, 35, 262, 41), new(19, 15, 34, 33), new(36, 4, 140, null)],
        GalileoUsed: [4, 9, 11, 19],
        Pdop: 1.62, Hdop: 0.9, Vdop: 1.35, GeoidSeparation: 47.0,
        RmsRange: 2.6, SigmaMajor: 3.8, SigmaMinor: 2.1, Orientation: 41.5,
        SigmaLatitude: 2.9, SigmaLongitude: 2.4, SigmaAltitude: 3.9);

    public int SatellitesUsed => GpsUsed.Count + GalileoUsed.Count;

    /// <summary>The sentences of one epoch, in u-blox order.</summary>
    public IEnumerable<NmeaSentence> Epoch(DateTime utc, double latitude, double longitude, double altitude)
    {
        var time = TimeOnly.FromDateTime(utc);
        yield return new Rmc("GN", time, RmcStatus.Active, latitude, longitude, 0.012, null, DateOnly.FromDateTime(utc), null, PositioningMode.Autonomous, 'V');
        yield return new Gga("GN", time, latitude, longitude, FixQuality.Gps, SatellitesUsed, Hdop, altitude, GeoidSeparation, null, null);
        yield return new Gsa("GN", 'A', GsaFixType.Fix3D, GpsUsed, Pdop, Hdop, Vdop, GnssSystemId.Gps);
        yield return new Gsa("GN", 'A', GsaFixType.Fix3D, GalileoUsed, Pdop, Hdop, Vdop, GnssSystemId.Galileo);
        foreach (var gsv in NmeaWriter.SplitGsv("GP", Gps, GpsL1Signal)) yield return gsv;
        foreach (var gsv in NmeaWriter.SplitGsv("GA", Galileo, GalileoE1Signal)) yield return gsv;
        yield return new Gst("GN", time, RmsRange, SigmaMajor, SigmaMinor, Orientation, SigmaLatitude, SigmaLongitude, SigmaAltitude);
    }
}
