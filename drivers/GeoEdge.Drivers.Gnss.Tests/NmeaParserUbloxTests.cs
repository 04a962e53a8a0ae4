using GeoEdge.Drivers.Gnss.Nmea;
using static GeoEdge.Drivers.Gnss.Tests.Parsed;

namespace GeoEdge.Drivers.Gnss.Tests;

/// <summary>Sentences as u-blox receivers print them (protocol description examples, M8 and M10 output).</summary>
public sealed class NmeaParserUbloxTests
{
    [Fact]
    public void Gga_with_five_decimal_minutes_and_empty_dgps_fields()
    {
        var gga = As<Gga>("$GPGGA,092725.00,4717.11399,N,00833.91590,E,1,08,1.01,499.6,M,48.0,M,,*5B");

        Assert.Equal("GP", gga.Talker);
        Assert.Equal(new TimeOnly(9, 27, 25), gga.Time);
        Assert.Equal(Degrees(47, 17.11399), gga.Latitude!.Value, 12);
        Assert.Equal(Degrees(8, 33.91590), gga.Longitude!.Value, 12);
        Assert.Equal(FixQuality.Gps, gga.Quality);
        Assert.Equal(8, gga.SatellitesUsed);
        Assert.Equal(1.01, gga.Hdop);
        Assert.Equal(499.6, gga.AltitudeMsl);
        Assert.Equal(48.0, gga.GeoidSeparation);
        Assert.Null(gga.DgpsAgeSeconds);
        Assert.Null(gga.DgpsStationId);
    }

    [Fact]
    public void Rmc_nmea_2_3_with_mode_and_empty_magnetic_variation()
    {
        var rmc = As<Rmc>("$GPRMC,083559.00,A,4717.11437,N,00833.91522,E,0.004,77.52,091202,,,A*57");

        Assert.Equal(new TimeOnly(8, 35, 59), rmc.Time);
        Assert.Equal(RmcStatus.Active, rmc.Status);
        Assert.Equal(Degrees(47, 17.11437), rmc.Latitude!.Value, 12);
        Assert.Equal(Degrees(8, 33.91522), rmc.Longitude!.Value, 12);
        Assert.Equal(0.004, rmc.SpeedKnots);
        Assert.Equal(77.52, rmc.CourseDegrees);
        Assert.Equal(new DateOnly(2002, 12, 9), rmc.Date);
        Assert.Null(rmc.MagneticVariation);
        Assert.Equal(PositioningMode.Autonomous, rmc.Mode);
        Assert.Null(rmc.NavigationalStatus);
    }

    [Fact]
    public void Gsa_nmea_2_lists_used_prns_and_skips_empty_slots()
    {
        var gsa = As<Gsa>("$GPGSA,A,3,23,29,07,08,09,18,26,28,,,,,1.94,1.18,1.54*0D");

        Assert.Equal('A', gsa.SelectionMode);
        Assert.Equal(GsaFixType.Fix3D, gsa.FixType);
        Assert.Equal([23, 29, 7, 8, 9, 18, 26, 28], gsa.SatellitePrns);
        Assert.Equal(1.94, gsa.Pdop);
        Assert.Equal(1.18, gsa.Hdop);
        Assert.Equal(1.54, gsa.Vdop);
        Assert.Null(gsa.SystemId);
    }

    [Fact]
    public void Gsa_nmea_4_11_carries_the_system_id_glonass_prns_65_to_96()
    {
        var gsa = As<Gsa>("$GNGSA,A,3,80,71,73,79,69,,,,,,,,1.83,1.09,1.47,2*09");

        Assert.Equal("GN", gsa.Talker);
        Assert.Equal([80, 71, 73, 79, 69], gsa.SatellitePrns);
        Assert.Equal(1.83, gsa.Pdop);
        Assert.Equal(1.09, gsa.Hdop);
        Assert.Equal(1.47, gsa.Vdop);
        Assert.Equal(GnssSystemId.Glonass, gsa.SystemId);
    }

    [Fact]
    public void Gsv_nmea_2_first_of_three_messages()
    {
        var gsv = As<Gsv>("$GPGSV,3,1,10,23,38,230,44,29,71,156,47,07,29,116,41,08,09,081,36*7F");

        Assert.Equal(3, gsv.TotalMessages);
        Assert.Equal(1, gsv.MessageNumber);
        Assert.Equal(10, gsv.SatellitesInView);
        Assert.Equal(
            [new GsvSatellite(23, 38, 230, 44), new GsvSatellite(29, 71, 156, 47), new GsvSatellite(7, 29, 116, 41), new GsvSatellite(8, 9, 81, 36)],
            gsv.Satellites);
        Assert.Null(gsv.SignalId);
    }

    [Fact]
    public void Gsv_nmea_4_11_signal_id_and_satellites_without_elevation_or_azimuth_yet()
    {
        // Right after a cold start u-blox tracks satellites whose position it does not know yet.
        var gsv = As<Gsv>("$GPGSV,3,1,09,09,,,17,10,,,40,12,,,49,13,,,35,1*6F");

        Assert.Equal(9, gsv.SatellitesInView);
        Assert.Equal(
            [new GsvSatellite(9, null, null, 17), new GsvSatellite(10, null, null, 40), new GsvSatellite(12, null, null, 49), new GsvSatellite(13, null, null, 35)],
            gsv.Satellites);
        Assert.Equal(1, gsv.SignalId);
    }

    [Fact]
    public void Gsv_galileo_e1_signal_7()
    {
        var gsv = As<Gsv>("$GAGSV,2,1,07,02,14,063,32,07,61,175,45,08,30,303,40,13,37,095,44,7*73");

        Assert.Equal("GA", gsv.Talker);
        Assert.Equal(7, gsv.SatellitesInView);
        Assert.Equal(new GsvSatellite(2, 14, 63, 32), gsv.Satellites[0]);
        Assert.Equal(new GsvSatellite(13, 37, 95, 44), gsv.Satellites[3]);
        Assert.Equal(7, gsv.SignalId);
    }

    [Fact]
    public void Gst_without_error_ellipse_only_per_axis_sigmas()
    {
        var gst = As<Gst>("$GPGST,082356.00,1.8,,,,1.7,1.3,2.2*7E");

        Assert.Equal(new TimeOnly(8, 23, 56), gst.Time);
        Assert.Equal(1.8, gst.RmsRange);
        Assert.Null(gst.SigmaMajor);
        Assert.Null(gst.SigmaMinor);
        Assert.Null(gst.OrientationDegrees);
        Assert.Equal(1.7, gst.SigmaLatitude);
        Assert.Equal(1.3, gst.SigmaLongitude);
        Assert.Equal(2.2, gst.SigmaAltitude);
    }

    [Fact]
    public void Gns_west_longitude_per_constellation_modes_and_navigational_status()
    {
        var gns = As<Gns>("$GNGNS,103600.01,5114.51176,N,00012.29380,W,ANNN,07,1.18,111.5,45.6,,,V*00");

        Assert.Equal(new TimeOnly(10, 36, 0, 10), gns.Time);
        Assert.Equal(Degrees(51, 14.51176), gns.Latitude!.Value, 12);
        Assert.Equal(-Degrees(0, 12.29380), gns.Longitude!.Value, 12);
        Assert.Equal("ANNN", gns.ModeIndicators);
        Assert.Equal([PositioningMode.Autonomous, PositioningMode.NotValid, PositioningMode.NotValid, PositioningMode.NotValid], gns.Modes);
        Assert.Equal(7, gns.SatellitesUsed);
        Assert.Equal(1.18, gns.Hdop);
        Assert.Equal(111.5, gns.AltitudeMsl);
        Assert.Equal(45.6, gns.GeoidSeparation);
        Assert.Null(gns.DgpsAgeSeconds);
        Assert.Null(gns.DgpsStationId);
        Assert.Equal('V', gns.NavigationalStatus);
    }

    [Fact]
    public void Cold_start_sentences_have_empty_fields_as_null_not_zero()
    {
        var gga = As<Gga>("$GPGGA,,,,,,0,00,99.99,,,,,,*48");
        Assert.Null(gga.Time);
        Assert.Null(gga.Latitude);
        Assert.Null(gga.Longitude);
        Assert.Equal(FixQuality.NoFix, gga.Quality);
        Assert.Equal(0, gga.SatellitesUsed);
        Assert.Equal(99.99, gga.Hdop);
        Assert.Null(gga.AltitudeMsl);
        Assert.Null(gga.GeoidSeparation);

        var rmc = As<Rmc>("$GPRMC,,V,,,,,,,,,,N*53");
        Assert.Equal(RmcStatus.Void, rmc.Status);
        Assert.Null(rmc.Latitude);
        Assert.Null(rmc.SpeedKnots);
        Assert.Null(rmc.Date);
        Assert.Equal(PositioningMode.NotValid, rmc.Mode);

        var gsa = As<Gsa>("$GPGSA,A,1,,,,,,,,,,,,,99.99,99.99,99.99*30");
        Assert.Equal(GsaFixType.NoFix, gsa.FixType);
        Assert.Empty(gsa.SatellitePrns);
    }
}
