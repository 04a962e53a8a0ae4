using GeoEdge.Drivers.Gnss.Ubx;

namespace GeoEdge.Drivers.Gnss.Tests.Ubx;

public sealed class UbxNavSatTests
{
    private static readonly UbxNavSat Sample = new(277_203_000, 1,
    [
        new(UbxGnssId.Galileo, 11, 44, 63, 287, -12, UbxNavSatSatellite.MakeFlags(7, svUsed: true, health: 1)),
        new(UbxGnssId.Gps, 5, 38, -3, 359, 250, UbxNavSatSatellite.MakeFlags(4, svUsed: false, health: 2) | 1u << 11),
    ]);

    [Fact]
    public void Round_trips_through_a_frame_with_signed_fields_and_flags()
    {
        var frame = Assert.Single(new UbxFrameReader().Feed(UbxWriter.Frame(UbxNavSat.Class, UbxNavSat.Id, Sample.Encode())));
        var decoded = UbxNavSat.Decode(frame.Payload);

        Assert.Equal(Sample.ITow, decoded.ITow);
        Assert.Equal(Sample.Satellites, decoded.Satellites);
        var (galileo, gps) = (decoded.Satellites[0], decoded.Satellites[1]);
        Assert.True(galileo.SvUsed);
        Assert.Equal(7, galileo.QualityIndicator);
        Assert.Equal(1, galileo.Health);
        Assert.False(gps.SvUsed);
        Assert.Equal(2, gps.Health);
        Assert.Equal(-3, gps.ElevationDeg);
        Assert.Equal(250, gps.PrResDm);
        Assert.Equal(galileo, Assert.Single(decoded.Used));
    }

    [Fact]
    public void Fields_sit_at_their_documented_offsets()
    {
        var p = Sample.Encode();
        Assert.Equal(8 + 2 * 12, p.Length);
        Assert.Equal(2, p[5]); // numSvs
        Assert.Equal(UbxGnssId.Gps, p[8 + 12]);
        Assert.Equal(5, p[8 + 12 + 1]);
        Assert.Equal(unchecked((byte)-3), p[8 + 12 + 3]);
        Assert.Equal(359, BitConverter.ToInt16(p, 8 + 12 + 4));
        Assert.Equal(0x08u, BitConverter.ToUInt32(p, 8 + 8) & 0x08); // svUsed of the first block
    }

    [Theory]
    [InlineData(7, "length")]
    [InlineData(8 + 12 + 1, "numSvs")]
    [InlineData(8 + 12 - 1, "numSvs")]
    public void Lengths_disagreeing_with_numSvs_are_rejected(int length, string field)
    {
        var p = new byte[length];
        if (length >= 6)
        {
            p[4] = 1;
            p[5] = 1;
        }
        var ex = Assert.Throws<UbxFormatException>(() => UbxNavSat.Decode(p));
        Assert.Equal(field, ex.Field);
        Assert.Equal("UBX-NAV-SAT", ex.MessageName);
    }

    [Fact]
    public void An_unknown_version_is_rejected_not_guessed()
    {
        var p = Sample.Encode();
        p[4] = 2;
        Assert.Equal("version", Assert.Throws<UbxFormatException>(() => UbxNavSat.Decode(p)).Field);
    }

    [Fact]
    public void Flag_parts_out_of_range_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => UbxNavSatSatellite.MakeFlags(8, true, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => UbxNavSatSatellite.MakeFlags(1, true, 4));
    }
}
