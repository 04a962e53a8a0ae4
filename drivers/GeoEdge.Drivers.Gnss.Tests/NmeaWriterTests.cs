using GeoEdge.Drivers.Gnss.Nmea;
using static GeoEdge.Drivers.Gnss.Tests.Parsed;

namespace GeoEdge.Drivers.Gnss.Tests;

public sealed class NmeaWriterTests
{
    [Theory]
    [InlineData("$GPGGA,092725.00,4717.11399,N,00833.91590,E,1,08,1.01,499.6,M,48.0,M,,*5B")]
    [InlineData("$GPRMC,083559.00,A,4717.11437,N,00833.91522,E,0.004,77.52,091202,,,A*57")]
    [InlineData("$GPGSA,A,3,23,29,07,08,09,18,26,28,,,,,1.94,1.18,1.54*0D")]
    [InlineData("$GNGSA,A,3,80,71,73,79,69,,,,,,,,1.83,1.09,1.47,2*09")]
    [InlineData("$GPGSV,3,1,10,23,38,230,44,29,71,156,47,07,29,116,41,08,09,081,36*7F")]
    [InlineData("$GPGSV,3,1,09,09,,,17,10,,,40,12,,,49,13,,,35,1*6F")]
    [InlineData("$GNGNS,103600.01,5114.51176,N,00012.29380,W,ANNN,07,1.18,111.5,45.6,,,V*00")]
    public void Writing_a_parsed_u_blox_sentence_reproduces_it_byte_for_byte(string line)
    {
        var parsed = NmeaParser.Parse(line);
        Assert.True(parsed.IsSuccess, parsed.Error?.ToString());

        Assert.Equal(line, NmeaWriter.Format(parsed.Sentence!));
    }

    [Fact]
    public void Every_sentence_type_survives_writer_then_parser()
    {
        var time = new TimeOnly(23, 59, 58, 120);
        NmeaSentence[] sentences =
        [
            new Gga("GN", time, -Degrees(33, 52.128), Degrees(151, 12.558), FixQuality.Rtk, 23, 0.53, -12.3, 22.1, 1.5, "0123"),
            new Rmc("GP", time, RmcStatus.Void, Degrees(64, 8.796), -Degrees(21, 56.556), 12.345, 359.99, new DateOnly(2031, 2, 28), -4.5, PositioningMode.FloatRtk, 'C'),
            new Gsa("GN", 'M', GsaFixType.Fix2D, [1, 12, 32, 201], 2.5, 1.25, 2.15, GnssSystemId.BeiDou),
            new Gsv("GL", 2, 2, 6, [new(65, -3, 0, null), new(88, 90, 359, 51)], 3),
            new Gns("GN", time, 0.0, -0.5, "RFAN", 31, 0.6, 8848.9, -30.0, 0.8, "1023", 'S'),
            new Gst("GN", time, 0.012, 0.034, 0.021, 178.3, 0.029, 0.025, 0.047),
        ];

        foreach (var sentence in sentences)
        {
            var line = NmeaWriter.Format(sentence);
            var parsed = NmeaParser.Parse(line);
            Assert.True(parsed.IsSuccess, $"{line}: {parsed.Error}");
            Assert.Equivalent(sentence, parsed.Sentence, strict: true);
        }
    }

    [Theory]
    [InlineData(89.99999999, 90.0)]          // rounds up into the next degree, not to "8960.00000"
    [InlineData(-179.999999999, -180.0)]
    [InlineData(47.285233166666664, 47.285233166666664)]
    [InlineData(-0.0000001, -0.00001 / 60)]  // 0.000006' rounds to 0.00001', and stays south
    public void Coordinates_round_to_the_fifth_decimal_of_a_minute_with_carry(double latitudeOrLongitude, double expected)
    {
        var isLatitude = Math.Abs(latitudeOrLongitude) <= 90;
        var gga = new Gga("GP", null, isLatitude ? latitudeOrLongitude : 0, isLatitude ? 0 : latitudeOrLongitude, FixQuality.Gps, null, null, null, null, null, null);

        var parsed = As<Gga>(NmeaWriter.Format(gga));

        Assert.Equal(expected, isLatitude ? parsed.Latitude!.Value : parsed.Longitude!.Value, 9);
    }

    [Fact]
    public void Time_is_truncated_to_centiseconds_so_it_never_prints_a_60th_second()
    {
        var gst = new Gst("GP", new TimeOnly(23, 59, 59, 999, 999), 1, null, null, null, null, null, null);

        var line = NmeaWriter.Format(gst);

        Assert.StartsWith("$GPGST,235959.99,", line);
        Assert.Equal(new TimeOnly(23, 59, 59, 990), As<Gst>(line).Time);
    }

    [Fact]
    public void Satellites_are_split_four_per_gsv_message_and_numbered()
    {
        var satellites = Enumerable.Range(1, 9).Select(prn => new GsvSatellite(prn, 10 + prn, 20 * prn, 30 + prn)).ToArray();

        var messages = NmeaWriter.SplitGsv("GP", satellites, 1);

        Assert.Equal([1, 2, 3], messages.Select(m => m.MessageNumber));
        Assert.All(messages, m => Assert.Equal(3, m.TotalMessages));
        Assert.All(messages, m => Assert.Equal(9, m.SatellitesInView));
        Assert.Equal(satellites, messages.SelectMany(m => m.Satellites));
        Assert.Equal([4, 4, 1], messages.Select(m => m.Satellites.Count));
    }

    [Fact]
    public void A_gsv_with_no_satellites_is_still_one_message()
    {
        var only = Assert.Single(NmeaWriter.SplitGsv("GA", [], null));
        Assert.Equal(0, As<Gsv>(NmeaWriter.Format(only)).SatellitesInView);
    }

    [Fact]
    public void Sentences_the_format_cannot_carry_are_refused()
    {
        var tooMany = new Gsa("GP", 'A', GsaFixType.Fix3D, Enumerable.Range(1, 13).ToArray(), null, null, null, null);
        Assert.Throws<ArgumentException>(() => NmeaWriter.Format(tooMany));

        var fiveInOne = new Gsv("GP", 1, 1, 5, Enumerable.Range(1, 5).Select(p => new GsvSatellite(p, null, null, null)).ToArray(), null);
        Assert.Throws<ArgumentException>(() => NmeaWriter.Format(fiveInOne));
    }

    [Fact]
    public void Bytes_are_the_ascii_sentence_and_crlf()
    {
        var gst = new Gst("GP", null, 1.5, null, null, null, null, null, null);

        var bytes = NmeaWriter.ToBytes(gst);

        Assert.Equal(System.Text.Encoding.ASCII.GetBytes(NmeaWriter.Format(gst) + "\r\n"), bytes);
        Assert.Equal("\r\n"u8.ToArray(), bytes[^2..]);
    }
}
