using GeoEdge.Drivers.Gnss.Nmea;
using static GeoEdge.Drivers.Gnss.Tests.Parsed;

namespace GeoEdge.Drivers.Gnss.Tests;

public sealed class NmeaParserRejectionTests
{
    private const string GoodGga = "$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47";

    [Fact]
    public void A_flipped_character_is_caught_by_the_checksum()
    {
        var error = Rejected(GoodGga.Replace("4807.038", "4807.039"));

        Assert.Equal(NmeaErrorKind.BadChecksum, error.Kind);
        Assert.Contains("47", error.Detail);
    }

    [Theory]
    [InlineData("$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*4")]
    [InlineData("$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*")]
    [InlineData("$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*4G")]
    [InlineData("$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47 ")]
    [InlineData("$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47*47")]
    public void A_checksum_that_is_not_exactly_two_hex_digits_is_bad(string line)
    {
        Assert.Equal(NmeaErrorKind.BadChecksum, Rejected(line).Kind);
    }

    [Theory]
    [InlineData("$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,")]
    [InlineData("$GPGGA,123519,4807.038,N,011")] // cut off mid-sentence (receiver reset, buffer overrun)
    public void Without_a_checksum_a_line_is_rejected_because_noise_could_not_be_told_from_data(string line)
    {
        Assert.Equal(NmeaErrorKind.MissingChecksum, Rejected(line).Kind);
    }

    [Fact]
    public void Fields_missing_at_the_end_are_a_malformed_field_not_zeros()
    {
        // Checksum valid for the shortened content: a receiver (or a bug) sent a short GGA.
        var error = Rejected(Sentence("GPGGA,123519,4807.038,N,01131.000,E,1"));

        Assert.Equal(NmeaErrorKind.MalformedField, error.Kind);
        Assert.Equal("satellites used", error.Field);
    }

    [Theory]
    [InlineData("GPVTG,77.52,T,,M,0.004,N,0.008,K,A")]
    [InlineData("GPGLL,4717.11364,N,00833.91565,E,092321.00,A,A")]
    [InlineData("GPTXT,01,01,02,u-blox ag - www.u-blox.com")]
    [InlineData("PUBX,00,081350.00,4717.113210,N,00833.915187,E")]
    [InlineData("PGRME,15.0,M,45.0,M,25.0,M")]
    [InlineData("IIGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,")]
    [InlineData("GPGGAX,123519")]
    public void Unknown_types_proprietary_sentences_and_other_talkers_are_unknown_sentences(string body)
    {
        Assert.Equal(NmeaErrorKind.UnknownSentence, Rejected(Sentence(body)).Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello world")]
    [InlineData("\u00b5b\u0001\u0007\u0000")] // start of a UBX binary frame read as Latin-1
    public void Lines_without_a_start_character_are_not_nmea(string line)
    {
        Assert.Equal(NmeaErrorKind.NotNmea, Rejected(line).Kind);
    }

    [Fact]
    public void Binary_bytes_inside_a_sentence_are_not_nmea()
    {
        var error = Rejected("$GPGGA,1235\u0000\u00ff19*47");

        Assert.Equal(NmeaErrorKind.NotNmea, error.Kind);
        Assert.Contains("0x00", error.Detail);
    }

    [Fact]
    public void An_overlong_line_is_rejected_before_any_other_work()
    {
        var error = Rejected("$GPGGA," + new string('1', NmeaParser.MaxSentenceLength) + "*00");
        Assert.Equal(NmeaErrorKind.TooLong, error.Kind);
    }

    [Theory]
    [InlineData("GPGGA,123519,4860.000,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,", "latitude")]         // 60 minutes
    [InlineData("GPGGA,123519,9107.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,", "latitude")]         // 91 degrees
    [InlineData("GPGGA,123519,4807.038,X,01131.000,E,1,08,0.9,545.4,M,46.9,M,,", "latitude N/S")]
    [InlineData("GPGGA,123519,4807.038,,01131.000,E,1,08,0.9,545.4,M,46.9,M,,", "latitude N/S")]
    [InlineData("GPGGA,123519,4807.038,N,18131.000,E,1,08,0.9,545.4,M,46.9,M,,", "longitude")]        // 181 degrees
    [InlineData("GPGGA,123519,4807.038,N,01131.000,E,9,08,0.9,545.4,M,46.9,M,,", "fix quality")]
    [InlineData("GPGGA,253519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,", "time")]
    [InlineData("GPGGA,123560,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,", "time")]             // leap second
    [InlineData("GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,5e2,M,46.9,M,,", "altitude")]
    [InlineData("GPGGA,123519,4807.038,N,01131.000,E,1,08,NaN,545.4,M,46.9,M,,", "HDOP")]
    [InlineData("GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,F,46.9,M,,", "altitude unit")]
    [InlineData("GPRMC,225446,A,4916.45,N,12311.12,W,000.5,054.7,310294,020.3,E", "date")]           // 31 February
    [InlineData("GPRMC,225446,X,4916.45,N,12311.12,W,000.5,054.7,191194,020.3,E", "status")]
    [InlineData("GPRMC,225446,A,4916.45,N,12311.12,W,000.5,054.7,191194,020.3,", "magnetic variation")]
    [InlineData("GPGSV,3,4,10,23,38,230,44", "message number")]
    [InlineData("GPGSV,3,1,10,23,38,230", "satellite blocks")]
    [InlineData("GPGSV,3,1,10,,38,230,44", "satellite 1 PRN")]
    [InlineData("GPGSV,3,1,10,23,38,230,44,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16", "satellite blocks")]
    [InlineData("GPGSV,,1,10,23,38,230,44", "total messages")]
    [InlineData("GNGSA,A,4,80,71,73,79,69,,,,,,,,1.83,1.09,1.47,2", "fix type")]
    [InlineData("GNGSA,A,3,80,71,73,79,69,,,,,,,,1.83,1.09,1.47,Z", "system id")]
    [InlineData("GNGNS,103600.01,5114.51176,N,00012.29380,W,AXNN,07,1.18,111.5,45.6,,,V", "mode indicators")]
    [InlineData("GPGST,082356.00,-1.8,,,,1.7,1.3,2.2", "RMS")]
    public void A_malformed_field_is_named(string body, string field)
    {
        var error = Rejected(Sentence(body));

        Assert.Equal(NmeaErrorKind.MalformedField, error.Kind);
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Random_binary_garbage_never_throws_and_is_always_rejected()
    {
        var random = new Random(2024);
        var buffer = new char[200];
        for (var i = 0; i < 5000; i++)
        {
            var length = random.Next(buffer.Length);
            for (var j = 0; j < length; j++) buffer[j] = (char)random.Next(256);
            var result = NmeaParser.Parse(buffer.AsSpan(0, length));
            // Random bytes pass a one-byte checksum by chance only if everything else is also right.
            Assert.False(result.IsSuccess, $"random line {i} was accepted: {new string(buffer, 0, length)}");
            Assert.NotNull(result.Error);
        }
    }

    [Fact]
    public void Corrupting_any_single_field_of_a_valid_sentence_never_throws()
    {
        var body = "GNGNS,103600.01,5114.51176,N,00012.29380,W,ANNN,07,1.18,111.5,45.6,,,V";
        var fields = body.Split(',');
        string[] junk = ["", "-", ".", "-1", "1e9", "999999999999", "AA", "..5", "\u00ff", "12.34.56"];
        foreach (var index in Enumerable.Range(1, fields.Length - 1))
        foreach (var value in junk)
        {
            var mutated = (string[])fields.Clone();
            mutated[index] = value;
            var result = NmeaParser.Parse(Sentence(string.Join(',', mutated)));
            Assert.True(result.IsSuccess || result.Error is not null);
        }
    }

    /// <summary>Wraps a body in '$' and the checksum it really has, so a test reaches the field checks.</summary>
    private static string Sentence(string body) => $"${body}*{NmeaChecksum.Compute(body):X2}";
}
