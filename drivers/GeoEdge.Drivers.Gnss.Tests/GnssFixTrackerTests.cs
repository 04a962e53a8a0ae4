using GeoEdge.Drivers.Gnss.Nmea;

namespace GeoEdge.Drivers.Gnss.Tests;

public sealed class GnssFixTrackerTests
{
    private static readonly TimeOnly T0 = new(8, 35, 59);
    private static readonly DateOnly Day = new(2025, 6, 14);
    private const double Lat = 47.285233;
    private const double Lon = 8.565254;

    private static Rmc Rmc(TimeOnly time, RmcStatus status = RmcStatus.Active, DateOnly? date = null) =>
        new("GN", time, status, Lat, Lon, 0.004, 77.52, date ?? Day, null, PositioningMode.Autonomous, 'V');

    private static Gga Gga(TimeOnly? time, FixQuality quality = FixQuality.Gps) =>
        new("GN", time, Lat, Lon, quality, 12, 0.9, 499.6, 48.0, null, null);

    private static Gst Gst(TimeOnly time) => new("GN", time, 2.6, 3.8, 2.1, 41.5, 2.9, 2.4, 3.9);

    /// <summary>Feeds through the text form, as a receiver would deliver it.</summary>
    private static void FeedLines(GnssFixTracker tracker, params NmeaSentence[] sentences)
    {
        foreach (var sentence in sentences)
        {
            var result = tracker.Feed(NmeaWriter.Format(sentence));
            Assert.True(result.IsSuccess, result.Error?.ToString());
        }
    }

    [Fact]
    public void Rmc_date_and_gga_time_position_and_quality_make_one_fix()
    {
        var tracker = new GnssFixTracker();
        var rmc = Rmc(T0);
        var gga = Gga(T0);

        FeedLines(tracker, rmc, gga);

        var fix = tracker.Latest!;
        Assert.Equal(Day.ToDateTime(T0, DateTimeKind.Utc), fix.UtcTime);
        Assert.Equal(DateTimeKind.Utc, fix.UtcTime!.Value.Kind);
        Assert.Equal(T0, fix.TimeOfDay);
        Assert.Equal(gga.Latitude!.Value, fix.Latitude!.Value, 6);
        Assert.Equal(gga.Longitude!.Value, fix.Longitude!.Value, 6);
        Assert.Equal(gga.AltitudeMsl, fix.AltitudeMsl);
        Assert.Equal(gga.GeoidSeparation, fix.GeoidSeparation);
        Assert.Equal(FixQuality.Gps, fix.Quality);
        Assert.Equal(RmcStatus.Active, fix.Status);
        Assert.Equal(gga.SatellitesUsed, fix.SatellitesUsed);
        Assert.Equal(gga.Hdop, fix.Hdop);
        Assert.Null(fix.Gst);
        Assert.True(fix.IsValid);
    }

    [Fact]
    public void A_gst_of_the_same_epoch_is_attached_whichever_comes_first()
    {
        var gstFirst = new GnssFixTracker();
        FeedLines(gstFirst, Gst(T0), Rmc(T0), Gga(T0));
        var gstLast = new GnssFixTracker();
        FeedLines(gstLast, Rmc(T0), Gga(T0), Gst(T0));

        var expected = Gst(T0);
        foreach (var fix in new[] { gstFirst.Latest!, gstLast.Latest! })
        {
            Assert.NotNull(fix.Gst);
            Assert.Equal(expected.RmsRange, fix.Gst.RmsRange);
            Assert.Equal(expected.SigmaMajor, fix.Gst.SigmaMajor);
            Assert.Equal(expected.SigmaMinor, fix.Gst.SigmaMinor);
            Assert.Equal(expected.OrientationDegrees, fix.Gst.OrientationDegrees);
            Assert.Equal(expected.SigmaLatitude, fix.Gst.SigmaLatitude);
            Assert.Equal(expected.SigmaLongitude, fix.Gst.SigmaLongitude);
            Assert.Equal(expected.SigmaAltitude, fix.Gst.SigmaAltitude);
        }
    }

    [Fact]
    public void A_gst_of_another_epoch_is_not_attached()
    {
        var tracker = new GnssFixTracker();
        var t1 = T0.Add(TimeSpan.FromSeconds(1));

        FeedLines(tracker, Rmc(t1), Gga(t1), Gst(T0));

        Assert.Equal(t1, tracker.Latest!.TimeOfDay);
        Assert.Null(tracker.Latest.Gst);
    }

    [Fact]
    public void Each_new_epoch_starts_without_the_previous_epochs_gst()
    {
        var tracker = new GnssFixTracker();
        var t1 = T0.Add(TimeSpan.FromSeconds(1));

        FeedLines(tracker, Rmc(T0), Gga(T0), Gst(T0), Rmc(t1), Gga(t1));

        Assert.Equal(t1, tracker.Latest!.TimeOfDay);
        Assert.Null(tracker.Latest.Gst);
    }

    [Fact]
    public void Rmc_status_void_makes_the_fix_invalid_even_with_a_gga_fix()
    {
        var tracker = new GnssFixTracker();

        FeedLines(tracker, Rmc(T0, RmcStatus.Void), Gga(T0));

        Assert.Equal(FixQuality.Gps, tracker.Latest!.Quality);
        Assert.False(tracker.Latest.IsValid);
    }

    [Fact]
    public void Quality_no_fix_is_invalid()
    {
        var tracker = new GnssFixTracker();

        FeedLines(tracker, Rmc(T0), Gga(T0, FixQuality.NoFix));

        Assert.Equal(FixQuality.NoFix, tracker.Latest!.Quality);
        Assert.False(tracker.Latest.IsValid);
    }

    [Fact]
    public void Cold_start_gga_without_time_or_position_is_an_invalid_fix_not_a_zero_position()
    {
        var tracker = new GnssFixTracker();

        tracker.Feed("$GPGGA,,,,,,0,00,99.99,,,,,,*48");

        var fix = tracker.Latest!;
        Assert.Null(fix.Latitude);
        Assert.Null(fix.Longitude);
        Assert.Null(fix.UtcTime);
        Assert.False(fix.IsValid);
    }

    [Fact]
    public void Without_any_rmc_the_fix_has_a_time_of_day_but_no_utc_date()
    {
        var tracker = new GnssFixTracker();

        FeedLines(tracker, Gga(T0));

        Assert.Equal(T0, tracker.Latest!.TimeOfDay);
        Assert.Null(tracker.Latest.UtcTime);
        Assert.True(tracker.Latest.IsValid);
    }

    [Fact]
    public void A_gga_after_midnight_before_its_rmc_gets_the_next_day()
    {
        var tracker = new GnssFixTracker();
        var beforeMidnight = new TimeOnly(23, 59, 59);
        var afterMidnight = new TimeOnly(0, 0, 0);

        FeedLines(tracker, Rmc(beforeMidnight), Gga(beforeMidnight), Gga(afterMidnight));

        Assert.Equal(Day.AddDays(1).ToDateTime(afterMidnight, DateTimeKind.Utc), tracker.Latest!.UtcTime);
    }

    [Fact]
    public void A_gns_only_receiver_gets_its_quality_from_the_first_contributing_constellation()
    {
        var tracker = new GnssFixTracker();

        tracker.Feed("$GNGNS,103600.01,5114.51176,N,00012.29380,W,ANNN,07,1.18,111.5,45.6,,,V*00");

        var fix = tracker.Latest!;
        Assert.Equal(FixQuality.Gps, fix.Quality);
        Assert.Equal(7, fix.SatellitesUsed);
        Assert.Equal(111.5, fix.AltitudeMsl);
        Assert.True(fix.IsValid);
    }

    [Fact]
    public void Complete_gsv_cycles_of_several_talkers_make_the_satellites_in_view()
    {
        var tracker = new GnssFixTracker();
        var gps = Enumerable.Range(1, 6).Select(p => new GsvSatellite(p, 10 * p, 30 * p, 30 + p)).ToArray();
        var galileo = new[] { new GsvSatellite(4, 52, 101, 43), new GsvSatellite(9, 28, 199, 39) };

        FeedLines(tracker, [.. NmeaWriter.SplitGsv("GP", gps, 1), .. NmeaWriter.SplitGsv("GA", galileo, 7)]);

        var inView = tracker.SatellitesInView;
        Assert.Equal(gps.Length + galileo.Length, inView.Count);
        Assert.Equal(gps.Select(s => s.Prn), inView.Where(s => s.System == GnssSystemId.Gps).Select(s => s.Prn));
        var e9 = Assert.Single(inView, s => s.System == GnssSystemId.Galileo && s.Prn == 9);
        Assert.Equal(new SatelliteInView("GA", GnssSystemId.Galileo, 7, 9, 28, 199, 39), e9);
    }

    [Fact]
    public void A_gsv_cycle_with_a_message_missing_is_not_applied()
    {
        var tracker = new GnssFixTracker();
        var gps = Enumerable.Range(1, 9).Select(p => new GsvSatellite(p, null, null, 40)).ToArray();
        var messages = NmeaWriter.SplitGsv("GP", gps, null);

        FeedLines(tracker, messages[0], messages[2]);

        Assert.Empty(tracker.SatellitesInView);
    }

    [Fact]
    public void A_constellation_no_longer_reported_drops_out_after_a_few_epochs()
    {
        var tracker = new GnssFixTracker();
        FeedLines(tracker, [.. NmeaWriter.SplitGsv("GL", [new GsvSatellite(70, 20, 20, 30)], null)]);
        Assert.Single(tracker.SatellitesInView);

        for (var second = 0; second <= 6; second++) FeedLines(tracker, Gga(T0.Add(TimeSpan.FromSeconds(second))));

        Assert.Empty(tracker.SatellitesInView);
    }

    [Fact]
    public void Accepted_and_rejected_sentences_are_counted_by_kind_and_garbage_is_not_fatal()
    {
        var tracker = new GnssFixTracker();
        string[] lines =
        [
            "$GPGGA,092725.00,4717.11399,N,00833.91590,E,1,08,1.01,499.6,M,48.0,M,,*5B",
            "$GPGGA,092725.00,4717.11399,N,00833.91590,E,1,08,1.01,499.6,M,48.0,M,,*5C",
            "$GPVTG,77.52,T,,M,0.004,N,0.008,K,A*06",
            "\u00b5b\u0001\u0007\u005c\u0000",
            "$GPGGA,092725.00,4717.11399,N,00833.91590,E,1,08,1.01,499.6,M,48.0,M,,",
            "$GPGSA,A,3,23,29,07,08,09,18,26,28,,,,,1.94,1.18,1.54*0D",
            "$GPGST,082356.00,1.8,,,,1.7,1.3,2.2*7E",
        ];

        foreach (var line in lines) tracker.Feed(line);

        Assert.Equal(1, tracker.Accepted("GGA"));
        Assert.Equal(1, tracker.Accepted("GSA"));
        Assert.Equal(1, tracker.Accepted("GST"));
        Assert.Equal(0, tracker.Accepted("RMC"));
        Assert.Equal(3, tracker.TotalAccepted);
        Assert.Equal(1, tracker.Rejected(NmeaErrorKind.BadChecksum));
        Assert.Equal(1, tracker.Rejected(NmeaErrorKind.UnknownSentence));
        Assert.Equal(1, tracker.Rejected(NmeaErrorKind.NotNmea));
        Assert.Equal(1, tracker.Rejected(NmeaErrorKind.MissingChecksum));
        Assert.Equal(4, tracker.TotalRejected);
        Assert.Equal(NmeaErrorKind.MissingChecksum, tracker.LastError!.Kind);
        Assert.Equal(499.6, tracker.Latest!.AltitudeMsl);
    }
}
