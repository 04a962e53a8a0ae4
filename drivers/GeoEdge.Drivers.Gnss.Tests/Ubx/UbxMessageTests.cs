using GeoEdge.Drivers.Gnss.Ubx;

namespace GeoEdge.Drivers.Gnss.Tests.Ubx;

public sealed class UbxMessageTests
{
    [Fact]
    public void Sfrbx_round_trips_through_a_frame()
    {
        var original = new UbxRxmSfrbx(2, 11, 1, 0, 7, 2, [0x01020304, 0xFFFFFFFF, 0, 0x80000001]);
        var frame = Assert.Single(new UbxFrameReader().Feed(UbxWriter.Frame(UbxRxmSfrbx.Class, UbxRxmSfrbx.Id, original.Encode())));
        var decoded = UbxRxmSfrbx.Decode(frame.Payload);
        Assert.Equal(original.Words, decoded.Words);
        Assert.Equal(original with { Words = decoded.Words }, decoded);
    }

    [Fact]
    public void Sfrbx_words_are_little_endian()
    {
        byte[] payload = [2, 5, 1, 0, 1, 0, 2, 0, 0x78, 0x56, 0x34, 0x12];
        Assert.Equal(0x12345678u, Assert.Single(UbxRxmSfrbx.Decode(payload).Words));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(15)]
    public void Sfrbx_with_a_word_count_disagreeing_with_the_length_is_rejected(int extraBytes)
    {
        var payload = new byte[8 + extraBytes];
        payload[4] = 2; // claims 2 words = 8 more bytes
        var ex = Assert.Throws<UbxFormatException>(() => UbxRxmSfrbx.Decode(payload));
        Assert.Equal("numWords", ex.Field);
        Assert.Equal("UBX-RXM-SFRBX", ex.MessageName);
    }

    [Fact]
    public void Sfrbx_shorter_than_its_header_is_rejected()
    {
        Assert.Equal("length", Assert.Throws<UbxFormatException>(() => UbxRxmSfrbx.Decode(new byte[5])).Field);
    }

    [Fact]
    public void TimeGal_round_trips_with_signed_fields()
    {
        var original = new UbxNavTimeGal(277_201_000, 277_201, -123_456, 1251, -3, 0x07, 25);
        Assert.Equal(original, UbxNavTimeGal.Decode(original.Encode()));
        var p = original.Encode();
        Assert.Equal(1251, BitConverter.ToInt16(p, 12));
    }

    [Fact]
    public void NavStatus_round_trips_and_exposes_spoofing_state()
    {
        var original = new UbxNavStatus(1000, 3, 0xDD, 0x01, 2 << 3, 31_000, 123_456);
        var decoded = UbxNavStatus.Decode(original.Encode());
        Assert.Equal(original, decoded);
        Assert.Equal(2, decoded.SpoofDetState);
    }

    [Fact]
    public void MonHw_reads_agc_and_jam_indicator_at_documented_offsets()
    {
        var p = new byte[60];
        p[18] = 0x34;
        p[19] = 0x12;
        p[22] = 2 << 2;
        p[45] = 200;
        var hw = UbxMonHw.Decode(p);
        Assert.Equal(new UbxMonHw(0x1234, 2 << 2, 200), hw);
        Assert.Equal(2, hw.JammingState);
        Assert.Equal(p, hw.Encode());
    }

    [Fact]
    public void NavPvt_round_trips_negative_coordinates()
    {
        var original = new UbxNavPvt(
            345_600_000, 2026, 11, 23, 16, 5, 59, 0x37, 20, -4_000, 3, 0x01, 0xE0, 17,
            -1_234_567_890, 515_000_000, 110_000, 64_000, 1_500, 2_500);
        var payload = original.Encode();
        Assert.Equal(92, payload.Length);
        Assert.Equal(original, UbxNavPvt.Decode(payload));
        Assert.Equal(-1_234_567_890, BitConverter.ToInt32(payload, 24));
        Assert.Equal(515_000_000, BitConverter.ToInt32(payload, 28));
    }

    public static TheoryData<string, int> WrongLengths => new()
    {
        { "UBX-NAV-PVT", 91 }, { "UBX-NAV-PVT", 0 }, { "UBX-NAV-TIMEGAL", 19 }, { "UBX-NAV-TIMEGAL", 21 },
        { "UBX-NAV-STATUS", 15 }, { "UBX-MON-HW", 45 },
    };

    [Theory]
    [MemberData(nameof(WrongLengths))]
    public void Wrong_length_throws_a_typed_exception_naming_the_message(string message, int length)
    {
        var payload = new byte[length];
        Action decode = message switch
        {
            "UBX-NAV-PVT" => () => UbxNavPvt.Decode(payload),
            "UBX-NAV-TIMEGAL" => () => UbxNavTimeGal.Decode(payload),
            "UBX-NAV-STATUS" => () => UbxNavStatus.Decode(payload),
            _ => () => UbxMonHw.Decode(payload),
        };
        var ex = Assert.Throws<UbxFormatException>(decode);
        Assert.Equal(message, ex.MessageName);
        Assert.Equal("length", ex.Field);
    }
}
