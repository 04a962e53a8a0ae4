using System.Text;
using GeoEdge.Wire.Readings;

namespace GeoEdge.Wire.Tests;

public class CanonicalReadingTests
{
    private static Reading Sample() => new()
    {
        V = Reading.CurrentVersion,
        HostId = "edge-01",
        Seq = 42,
        Time = new DateTimeOffset(2026, 11, 23, 14, 0, 0, 123, TimeSpan.Zero).AddTicks(4567),
        NonceEpoch = "q1w2e3",
        Fix = new GnssFixReport
        {
            Time = new DateTimeOffset(2026, 11, 23, 13, 59, 59, TimeSpan.Zero),
            Latitude = 40.416775,
            Longitude = -3.70379,
            AltitudeMeters = 657.1,
            Quality = "Gps",
            SatellitesUsed = 9,
            Hdop = 0.9,
            Error = new GnssErrorEstimate { SigmaLatitudeMeters = 2.1, SigmaLongitudeMeters = 1.7 },
        },
    };

    [Fact]
    public void Round_trip_keeps_every_field_and_drops_sub_millisecond_time()
    {
        var bytes = CanonicalReading.Encode(Sample());
        var decoded = CanonicalReading.Decode(bytes);

        Assert.Equal(42ul, decoded.Seq);
        Assert.Equal(40.416775, decoded.Fix!.Latitude);
        Assert.Equal(-3.70379, decoded.Fix.Longitude);
        Assert.Equal(2.1, decoded.Fix.Error!.SigmaLatitudeMeters);
        Assert.Equal(0, decoded.Time.Ticks % TimeSpan.TicksPerMillisecond);
        Assert.Equal(bytes, CanonicalReading.Encode(decoded));
    }

    [Fact]
    public void Same_reading_always_gives_the_same_bytes_and_digest()
    {
        var a = CanonicalReading.Encode(Sample());
        var b = CanonicalReading.Encode(Sample());
        Assert.Equal(a, b);
        Assert.Equal(CanonicalReading.Digest(a), CanonicalReading.Digest(b));
    }

    [Fact]
    public void Whitespace_or_reordered_members_are_not_canonical()
    {
        var text = Encoding.UTF8.GetString(CanonicalReading.Encode(Sample()));
        var spaced = Encoding.UTF8.GetBytes(text.Replace(",\"seq\"", ", \"seq\""));
        var e = Assert.Throws<WireFormatException>(() => CanonicalReading.Decode(spaced));
        Assert.Contains("canonical", e.Message);
    }

    [Fact]
    public void A_changed_coordinate_changes_the_digest()
    {
        var original = CanonicalReading.Encode(Sample());
        var moved = CanonicalReading.Encode(Sample() with { Fix = Sample().Fix! with { Latitude = 40.416776 } });
        Assert.NotEqual(CanonicalReading.Digest(original), CanonicalReading.Digest(moved));
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{\"v\":1}")]
    [InlineData("{\"v\":1,\"hostId\":\"a\",\"seq\":-1,\"time\":\"2026-01-01T00:00:00+00:00\",\"nonceEpoch\":\"x\"}")]
    [InlineData("{\"v\":1,\"hostId\":\"a/b\",\"seq\":1,\"time\":\"2026-01-01T00:00:00+00:00\",\"nonceEpoch\":\"x\"}")]
    [InlineData("{\"v\":2,\"hostId\":\"a\",\"seq\":1,\"time\":\"2026-01-01T00:00:00+00:00\",\"nonceEpoch\":\"x\"}")]
    [InlineData("{\"v\":1,\"hostId\":\"a\",\"seq\":1,\"time\":\"2026-01-01T00:00:00+00:00\",\"nonceEpoch\":\"x\",\"extra\":1}")]
    [InlineData("{\"v\":1,\"hostId\":null,\"seq\":1,\"time\":\"2026-01-01T00:00:00+00:00\",\"nonceEpoch\":\"x\"}")]
    public void Malformed_readings_are_refused_with_a_wire_format_error(string json)
    {
        Assert.Throws<WireFormatException>(() => CanonicalReading.Decode(Encoding.UTF8.GetBytes(json)));
    }
}
