using GeoEdge.Agent.Gnss;
using GeoEdge.Drivers.Gnss;
using GeoEdge.Drivers.Gnss.Ubx;
using GeoEdge.Wire.Readings;

namespace GeoEdge.Agent.Tests;

public class UbxFixReportTests
{
    private const uint Epoch = 277_203_000;

    private static UbxNavPvt Pvt(byte flags = 0x01, byte valid = 0x07, byte fixType = 3, byte month = 8, uint iTow = Epoch) =>
        new(iTow, 2023, month, 16, 4, 59, 45, valid, 20, 500_000_000, fixType, flags, 0, 7,
            LonE7: -37_037_900, LatE7: 404_167_750, HeightMm: 704_000, HMslMm: 657_000, HAccMm: 2_500, VAccMm: 3_800);

    [Fact]
    public void A_valid_pvt_becomes_the_reported_fix_with_its_accuracy()
    {
        var fix = UbxFixReport.FromPvt(Pvt())!;
        Assert.Equal(new DateTimeOffset(2023, 8, 16, 4, 59, 45, 500, TimeSpan.Zero), fix.Time);
        Assert.Equal(40.416775, fix.Latitude, 7);
        Assert.Equal(-3.70379, fix.Longitude, 7);
        Assert.Equal(657.0, fix.AltitudeMeters);
        Assert.Equal("Gps", fix.Quality);
        Assert.Equal(7, fix.SatellitesUsed);
        Assert.Equal(2.5, fix.Error!.SigmaLatitudeMeters);
        Assert.Equal(3.8, fix.Error.SigmaAltitudeMeters);
        Assert.Equal("Dgps", UbxFixReport.FromPvt(Pvt(flags: 0x03))!.Quality);
    }

    [Theory]
    [InlineData((byte)0x00, (byte)0x07, (byte)3, (byte)8)]   // gnssFixOK clear
    [InlineData((byte)0x01, (byte)0x01, (byte)3, (byte)8)]   // time not valid
    [InlineData((byte)0x01, (byte)0x07, (byte)0, (byte)8)]   // no fix
    [InlineData((byte)0x01, (byte)0x07, (byte)5, (byte)8)]   // time-only fix
    [InlineData((byte)0x01, (byte)0x07, (byte)3, (byte)13)]  // "valid" yet impossible date
    public void A_pvt_without_a_valid_dated_position_is_no_fix(byte flags, byte valid, byte fixType, byte month) =>
        Assert.Null(UbxFixReport.FromPvt(Pvt(flags, valid, fixType, month)));

    [Fact]
    public void Satellites_used_come_from_nav_sat_of_the_same_epoch_with_osnma_on_galileo_only()
    {
        UbxNavSatSatellite Sat(byte gnss, byte sv, bool used) => new(gnss, sv, 40, 30, 100, 0, UbxNavSatSatellite.MakeFlags(7, used, 1));
        var sat = new UbxNavSat(Epoch, UbxNavSat.SupportedVersion,
        [
            Sat(UbxGnssId.Galileo, 11, true), Sat(UbxGnssId.Galileo, 12, false), Sat(UbxGnssId.Gps, 5, true),
            Sat(UbxGnssId.Glonass, 255, true), Sat(UbxGnssId.Sbas, 123, true),
        ]);
        var record = new GalileoOsnmaRecord
        {
            NavData = new OsnmaNavDataAuthentication { Authenticated = true, LastAuthenticated = DateTimeOffset.UnixEpoch, Iodnav = 51 },
            Timing = new OsnmaTimingAuthentication { Authenticated = false },
        };
        var state = GnssReceiverState.Empty with { Pvt = Pvt(), Satellites = sat };

        var used = UbxFixReport.SatellitesUsed(state, svid => svid == 11 ? record : null)!;

        Assert.Equal([("galileo", 11), ("gps", 5), ("sbas", 123)], used.Select(s => (s.System, s.Svid)));
        Assert.Same(record, used[0].Osnma);
        Assert.Null(used[1].Osnma);
        // NAV-SAT of another epoch says nothing about the satellites of this fix.
        Assert.Null(UbxFixReport.SatellitesUsed(state with { Pvt = Pvt(iTow: Epoch + 1000) }, _ => record));
        Assert.Null(UbxFixReport.SatellitesUsed(state with { Satellites = null }, _ => record));
    }

    [Fact]
    public void Receiver_flags_name_sec_sig_states_and_unknown_when_detection_is_off()
    {
        var state = GnssReceiverState.Empty with
        {
            Security = new UbxSecSig(2, JamDetEnabled: true, JammingState: 2, SpfDetEnabled: true, SpoofingState: 3, CentFreqs: []),
            Hardware = new UbxMonHw(4000, 0, 77),
        };
        var flags = UbxFixReport.ReceiverFlags(state)!;
        Assert.Equal((JammingStates.Warning, SpoofingStates.Affirmed, 77), (flags.Jamming, flags.Spoofing, flags.JamIndicator!.Value));

        var disabled = UbxFixReport.ReceiverFlags(state with { Security = new UbxSecSig(2, false, 3, false, 3, []) })!;
        Assert.Equal((JammingStates.Unknown, SpoofingStates.Unknown), (disabled.Jamming, disabled.Spoofing));
        Assert.Null(UbxFixReport.ReceiverFlags(GnssReceiverState.Empty));
    }
}
