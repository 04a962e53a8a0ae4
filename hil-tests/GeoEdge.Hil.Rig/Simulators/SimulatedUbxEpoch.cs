using GeoEdge.Drivers.Gnss.Galileo;
using GeoEdge.Drivers.Gnss.Nmea;
using GeoEdge.Drivers.Gnss.Ubx;

namespace GeoEdge.Hil.Rig.Simulators;

/// <summary>
/// The status messages of one simulated epoch (the end of a page slot) from the current settings:
/// NAV-PVT, NAV-STATUS, NAV-SAT, SEC-SIG (version 2), MON-HW, and optionally NMEA GGA and RMC.
/// </summary>
internal static class SimulatedUbxEpoch
{
    private const uint L1E1CentreKHz = 1_575_420;
    private const byte Fix3D = 3;
    private const byte GnssFixOk = 0x01;
    /// <summary>NAV-PVT valid: validDate | validTime | fullyResolved.</summary>
    private const byte DateTimeValid = 0x07;
    /// <summary>NAV-STATUS flags: gpsFixOk | wknSet | towSet.</summary>
    private const byte StatusFixFlags = 0x0D;

    internal static IEnumerable<UbxFrame> Frames(GalileoPageSlot slot, uint iTow, DateTime utc, SimulatedReceiverSettings s, IReadOnlyList<int> gpsSvids)
    {
        var satellites = Satellites(slot, s, gpsSvids);
        var pvt = new UbxNavPvt(iTow, (ushort)utc.Year, (byte)utc.Month, (byte)utc.Day, (byte)utc.Hour, (byte)utc.Minute, (byte)utc.Second,
            DateTimeValid, 20, 0, Fix3D, GnssFixOk, 0, (byte)satellites.Count(x => x.SvUsed),
            (int)Math.Round(s.Longitude * 1e7), (int)Math.Round(s.Latitude * 1e7),
            (int)Math.Round(s.HeightMeters * 1000), (int)Math.Round(s.HeightMslMeters * 1000),
            (uint)Math.Round(s.HorizontalAccuracyMeters * 1000), (uint)Math.Round(s.HorizontalAccuracyMeters * 1500));
        yield return new UbxFrame(UbxNavPvt.Class, UbxNavPvt.Id, pvt.Encode());
        var spoofDetState = (byte)(Math.Clamp(s.SpoofingState, 0, 3) << 3);
        yield return new UbxFrame(UbxNavStatus.Class, UbxNavStatus.Id, new UbxNavStatus(iTow, Fix3D, StatusFixFlags, 0, spoofDetState, 30_000, iTow).Encode());
        yield return new UbxFrame(UbxNavSat.Class, UbxNavSat.Id, new UbxNavSat(iTow, UbxNavSat.SupportedVersion, satellites).Encode());
        var security = new UbxSecSig(2, true, Math.Clamp(s.JammingState, 0, 3), true, Math.Clamp(s.SpoofingState, 0, 3),
            [new UbxJamStateCentFreq(L1E1CentreKHz, s.JammingState >= 2)]);
        yield return new UbxFrame(UbxSecSig.Class, UbxSecSig.Id, security.Encode());
        var monHw = new UbxMonHw(AgcCnt: 4000, Flags: (byte)(Math.Clamp(s.JammingState, 0, 3) << 2), JamInd: s.JamIndicator);
        yield return new UbxFrame(UbxMonHw.Class, UbxMonHw.Id, monHw.Encode());
    }

    internal static IEnumerable<byte[]> Nmea(DateTime utc, SimulatedReceiverSettings s, int satellitesUsed)
    {
        var time = TimeOnly.FromDateTime(utc);
        yield return NmeaWriter.ToBytes(new Rmc("GN", time, RmcStatus.Active, s.Latitude, s.Longitude, 0.0, null, DateOnly.FromDateTime(utc), null, PositioningMode.Autonomous, 'V'));
        yield return NmeaWriter.ToBytes(new Gga("GN", time, s.Latitude, s.Longitude, FixQuality.Gps, satellitesUsed, 0.9, s.HeightMslMeters,
            SimulatedReceiverSettings.GeoidSeparationMeters, null, null));
    }

    /// <summary>Every Galileo satellite with a page in this slot, then the GPS ones; sky positions are made up but stable per SVID.</summary>
    internal static UbxNavSatSatellite[] Satellites(GalileoPageSlot slot, SimulatedReceiverSettings s, IReadOnlyList<int> gpsSvids)
    {
        var galileo = slot.Pages.Select(p => p.Svid).Distinct().Order()
            .Select(svid => Satellite(UbxGnssId.Galileo, svid, s.GalileoUsed.Contains(svid)));
        var gps = gpsSvids.Select(svid => Satellite(UbxGnssId.Gps, svid, used: true));
        return galileo.Concat(gps).ToArray();
    }

    private static UbxNavSatSatellite Satellite(byte gnssId, int svid, bool used) => new(
        gnssId, (byte)svid, Cno: (byte)(32 + svid % 14), ElevationDeg: (sbyte)(10 + svid * 37 % 75), AzimuthDeg: (short)(svid * 97 % 360),
        PrResDm: (short)(svid % 7 - 3), Flags: UbxNavSatSatellite.MakeFlags(qualityIndicator: 7, svUsed: used, health: 1));
}
