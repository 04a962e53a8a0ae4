using GeoEdge.Drivers.Gnss;
using GeoEdge.Drivers.Gnss.Nmea;
using GeoEdge.Drivers.Gnss.Ubx;
using GeoEdge.Wire.Readings;

namespace GeoEdge.Agent.Gnss;

/// <summary>
/// A reading's fix from the receiver's UBX state: NAV-PVT for the position and its accuracy, NAV-SAT for the
/// satellites used (only when it belongs to the same navigation epoch), SEC-SIG and MON-HW for the receiver's
/// own interference verdicts. Facts only; the bridge judges them.
/// </summary>
public static class UbxFixReport
{
    private const byte ValidDate = 0x01, ValidTime = 0x02, GnssFixOk = 0x01, DiffSoln = 0x02;

    /// <summary>The PVT's fix, or null when the receiver has no valid, dated 2D/3D solution.</summary>
    public static GnssFixReport? FromPvt(UbxNavPvt pvt)
    {
        if ((pvt.Flags & GnssFixOk) == 0 || pvt.FixType is not (2 or 3 or 4)) return null;
        if ((pvt.Valid & (ValidDate | ValidTime)) != (ValidDate | ValidTime)) return null;
        DateTimeOffset time;
        try
        {
            time = new DateTimeOffset(pvt.Year, pvt.Month, pvt.Day, pvt.Hour, pvt.Minute, Math.Min((int)pvt.Second, 59), TimeSpan.Zero)
                .AddTicks(pvt.NanoNs / 100);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null; // a device claiming a valid but impossible date is not a fix
        }
        var horizontal = pvt.HAccMm / 1000.0;
        return new GnssFixReport
        {
            Time = time,
            Latitude = pvt.LatE7 / 1e7,
            Longitude = pvt.LonE7 / 1e7,
            AltitudeMeters = pvt.HMslMm / 1000.0,
            Quality = ((pvt.Flags & DiffSoln) != 0 ? FixQuality.Dgps : FixQuality.Gps).ToString(),
            SatellitesUsed = pvt.NumSv,
            Error = new GnssErrorEstimate
            {
                SigmaLatitudeMeters = horizontal,
                SigmaLongitudeMeters = horizontal,
                SigmaAltitudeMeters = pvt.VAccMm / 1000.0,
            },
        };
    }

    /// <summary>The satellites NAV-SAT marks as used, when NAV-SAT is of the PVT's epoch; else null (unknown).</summary>
    public static List<GnssSatellite>? SatellitesUsed(GnssReceiverState state, Func<int, GalileoOsnmaRecord?> osnma)
    {
        if (state is not { Satellites: { } sat, Pvt: { } pvt } || sat.ITow != pvt.ITow) return null;
        var used = new List<GnssSatellite>();
        foreach (var s in sat.Used)
        {
            if (SystemName(s.GnssId) is not { } system || !InRange(system, s.SvId)) continue;
            used.Add(new GnssSatellite
            {
                System = system,
                Svid = s.SvId,
                Osnma = s.GnssId == UbxGnssId.Galileo ? osnma(s.SvId) : null,
            });
        }
        return used;
    }

    /// <summary>SEC-SIG's jamming and spoofing states and MON-HW's jamming indicator, or null when neither was sent.</summary>
    public static GnssReceiverFlags? ReceiverFlags(GnssReceiverState state)
    {
        if (state.Security is null && state.Hardware is null) return null;
        var sec = state.Security;
        return new GnssReceiverFlags
        {
            Jamming = sec is { JamDetEnabled: true } ? sec.JammingState switch
            {
                1 => JammingStates.None,
                2 => JammingStates.Warning,
                3 => JammingStates.Critical,
                _ => JammingStates.Unknown,
            } : JammingStates.Unknown,
            Spoofing = sec is { SpfDetEnabled: true } ? sec.SpoofingState switch
            {
                1 => SpoofingStates.None,
                2 => SpoofingStates.Indicated,
                3 => SpoofingStates.Affirmed,
                _ => SpoofingStates.Unknown,
            } : SpoofingStates.Unknown,
            JamIndicator = state.Hardware?.JamInd,
        };
    }

    private static string? SystemName(byte gnssId) => gnssId switch
    {
        UbxGnssId.Gps => GnssSystems.Gps,
        UbxGnssId.Sbas => GnssSystems.Sbas,
        UbxGnssId.Galileo => GnssSystems.Galileo,
        UbxGnssId.BeiDou => GnssSystems.Beidou,
        UbxGnssId.Qzss => GnssSystems.Qzss,
        UbxGnssId.Glonass => GnssSystems.Glonass,
        UbxGnssId.NavIc => GnssSystems.Navic,
        _ => null,
    };

    // A receiver that lists a satellite it cannot number (GLONASS slot 255: unknown) cannot say which one it used.
    private static bool InRange(string system, int svid) =>
        GnssSystems.SvidRange(system) is { } range && svid >= range.Min && svid <= range.Max;
}
