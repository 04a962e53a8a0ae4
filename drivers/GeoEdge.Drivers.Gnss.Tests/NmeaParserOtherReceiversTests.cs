using GeoEdge.Drivers.Gnss.Nmea;
using static GeoEdge.Drivers.Gnss.Tests.Parsed;

namespace GeoEdge.Drivers.Gnss.Tests;

/// <summary>Sentences in the shapes SiRF, Trimble, Quectel and older receivers print.</summary>
public sealed class NmeaParserOtherReceiversTests
{
    [Fact]
    public void Classic_gga_from_the_nmea_reference_with_whole_second_time()
    {
        var gga = As<Gga>("$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47");

        Assert.Equal(new TimeOnly(12, 35, 19), gga.Time);
        Assert.Equal(Degrees(48, 07.038), gga.Latitude!.Value, 12);
        Assert.Equal(Degrees(11, 31.000), gga.Longitude!.Value, 12);
        Assert.Equal(FixQuality.Gps, gga.Quality);
        Assert.Equal(8, gga.SatellitesUsed);
        Assert.Equal(0.9, gga.Hdop);
        Assert.Equal(545.4, gga.AltitudeMsl);
        Assert.Equal(46.9, gga.GeoidSeparation);
    }

    [Fact]
    public void Classic_rmc_with_east_magnetic_variation_and_a_1990s_date()
    {
        var rmc = As<Rmc>("$GPRMC,225446,A,4916.45,N,12311.12,W,000.5,054.7,191194,020.3,E*68");

        Assert.Equal(new TimeOnly(22, 54, 46), rmc.Time);
        Assert.Equal(Degrees(49, 16.45), rmc.Latitude!.Value, 12);
        Assert.Equal(-Degrees(123, 11.12), rmc.Longitude!.Value, 12);
        Assert.Equal(0.5, rmc.SpeedKnots);
        Assert.Equal(54.7, rmc.CourseDegrees);
        Assert.Equal(new DateOnly(1994, 11, 19), rmc.Date);
        Assert.Equal(20.3, rmc.MagneticVariation);
        Assert.Null(rmc.Mode); // NMEA 2.2: no mode field at all
    }

    [Fact]
    public void Sirf_gga_millisecond_time_empty_geoid_separation_and_station_0000()
    {
        var gga = As<Gga>("$GPGGA,161229.487,3723.2475,N,12158.3416,W,1,07,1.0,9.0,M,,,,0000*18");

        Assert.Equal(new TimeOnly(16, 12, 29, 487), gga.Time);
        Assert.Equal(Degrees(37, 23.2475), gga.Latitude!.Value, 12);
        Assert.Equal(-Degrees(121, 58.3416), gga.Longitude!.Value, 12);
        Assert.Equal(7, gga.SatellitesUsed);
        Assert.Equal(1.0, gga.Hdop);
        Assert.Equal(9.0, gga.AltitudeMsl);
        Assert.Null(gga.GeoidSeparation);
        Assert.Null(gga.DgpsAgeSeconds);
        Assert.Equal("0000", gga.DgpsStationId);
    }

    [Fact]
    public void Sirf_rmc_nmea_2_2_without_mode()
    {
        var rmc = As<Rmc>("$GPRMC,161229.487,A,3723.2475,N,12158.3416,W,0.13,309.62,120598,,*10");

        Assert.Equal(new TimeOnly(16, 12, 29, 487), rmc.Time);
        Assert.Equal(0.13, rmc.SpeedKnots);
        Assert.Equal(309.62, rmc.CourseDegrees);
        Assert.Equal(new DateOnly(1998, 5, 12), rmc.Date);
        Assert.Null(rmc.MagneticVariation);
        Assert.Null(rmc.Mode);
    }

    [Fact]
    public void Trimble_rtk_gga_eight_decimal_minutes_negative_separation_and_dgps_age()
    {
        var gga = As<Gga>("$GPGGA,172814.0,3723.46587704,N,12202.26957864,W,2,6,1.2,18.893,M,-25.669,M,2.0,0031*4F");

        Assert.Equal(new TimeOnly(17, 28, 14), gga.Time);
        Assert.Equal(Degrees(37, 23.46587704), gga.Latitude!.Value, 12);
        Assert.Equal(-Degrees(122, 02.26957864), gga.Longitude!.Value, 12);
        Assert.Equal(FixQuality.Dgps, gga.Quality);
        Assert.Equal(6, gga.SatellitesUsed);
        Assert.Equal(1.2, gga.Hdop);
        Assert.Equal(18.893, gga.AltitudeMsl);
        Assert.Equal(-25.669, gga.GeoidSeparation);
        Assert.Equal(2.0, gga.DgpsAgeSeconds);
        Assert.Equal("0031", gga.DgpsStationId);
    }

    [Fact]
    public void Trimble_gst_with_full_error_ellipse()
    {
        var gst = As<Gst>("$GPGST,172814.0,0.006,0.023,0.020,273.6,0.023,0.020,0.031*6A");

        Assert.Equal(new TimeOnly(17, 28, 14), gst.Time);
        Assert.Equal(0.006, gst.RmsRange);
        Assert.Equal(0.023, gst.SigmaMajor);
        Assert.Equal(0.020, gst.SigmaMinor);
        Assert.Equal(273.6, gst.OrientationDegrees);
        Assert.Equal(0.023, gst.SigmaLatitude);
        Assert.Equal(0.020, gst.SigmaLongitude);
        Assert.Equal(0.031, gst.SigmaAltitude);
    }

    [Fact]
    public void Quectel_rmc_nmea_4_10_with_navigational_status()
    {
        var rmc = As<Rmc>("$GNRMC,013237.000,A,3150.7815,N,11711.9311,E,0.00,158.64,190523,,,A,V*0D");

        Assert.Equal("GN", rmc.Talker);
        Assert.Equal(Degrees(31, 50.7815), rmc.Latitude!.Value, 12);
        Assert.Equal(Degrees(117, 11.9311), rmc.Longitude!.Value, 12);
        Assert.Equal(0.00, rmc.SpeedKnots);
        Assert.Equal(158.64, rmc.CourseDegrees);
        Assert.Equal(new DateOnly(2023, 5, 19), rmc.Date);
        Assert.Equal(PositioningMode.Autonomous, rmc.Mode);
        Assert.Equal('V', rmc.NavigationalStatus);
    }

    [Fact]
    public void Pre_4_11_beidou_talker_bd_with_three_digit_prns()
    {
        var gsa = As<Gsa>("$BDGSA,A,3,201,203,204,206,,,,,,,,,1.79,0.95,1.52*16");

        Assert.Equal("BD", gsa.Talker);
        Assert.Equal([201, 203, 204, 206], gsa.SatellitePrns);
        Assert.Equal(1.79, gsa.Pdop);
        Assert.Equal(GnssSystemId.BeiDou, NmeaTalkers.SystemOf(gsa.Talker));
    }

    [Fact]
    public void Beidou_gb_gsv_with_a_satellite_that_has_only_snr()
    {
        var gsv = As<Gsv>("$GBGSV,1,1,04,06,62,339,38,09,54,031,40,16,68,180,43,39,,,30,1*42");

        Assert.Equal(new GsvSatellite(39, null, null, 30), gsv.Satellites[3]);
        Assert.Equal(1, gsv.SignalId);
    }

    [Fact]
    public void Last_gsv_message_padded_with_empty_blocks()
    {
        var gsv = As<Gsv>("$GPGSV,3,3,10,26,12,320,29,28,,,,,,,,,,,*4F");

        Assert.Equal([new GsvSatellite(26, 12, 320, 29), new GsvSatellite(28, null, null, null)], gsv.Satellites);
        Assert.Null(gsv.SignalId);
    }

    [Fact]
    public void The_encapsulation_start_character_is_accepted_too()
    {
        var gst = As<Gst>("!GPGST,082356.00,1.8,,,,1.7,1.3,2.2*7E");
        Assert.Equal(1.8, gst.RmsRange);
    }

    [Fact]
    public void Lowercase_checksum_hex_is_accepted()
    {
        var gga = As<Gga>("$GPGGA,092725.00,4717.11399,N,00833.91590,E,1,08,1.01,499.6,M,48.0,M,,*5b");
        Assert.Equal(499.6, gga.AltitudeMsl);
    }

    [Fact]
    public void A_sentence_preceded_by_the_tail_of_a_broken_one_is_recovered_by_its_checksum()
    {
        var gst = As<Gst>(",0.9,545.4,M$GNGST,082356.00,1.8,,,,1.7,1.3,2.2*60");
        Assert.Equal("GN", gst.Talker);
        Assert.Equal(2.2, gst.SigmaAltitude);
    }
}
