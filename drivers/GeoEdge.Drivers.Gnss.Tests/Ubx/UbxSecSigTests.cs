using GeoEdge.Drivers.Gnss.Ubx;

namespace GeoEdge.Drivers.Gnss.Tests.Ubx;

public sealed class UbxSecSigTests
{
    [Fact]
    public void Version1_reads_jam_and_spoof_flags_at_offsets_4_and_8()
    {
        var p = new byte[12];
        p[0] = 1;
        p[4] = 0b101;  // enabled, jammingState 2 (warning)
        p[8] = 0b0111; // enabled, spoofingState 3 (affirmed)
        var sig = UbxSecSig.Decode(p);
        Assert.True(sig.JamDetEnabled);
        Assert.Equal(2, sig.JammingState);
        Assert.True(sig.SpfDetEnabled);
        Assert.Equal(3, sig.SpoofingState);
        Assert.Equal(p, sig.Encode());
    }

    [Fact]
    public void Version2_reads_sigSecFlags_and_centre_frequencies()
    {
        byte[] p = [2, 0b0010_1011, 0, 2, 0x44, 0x0D, 0x18, 0x01, 0x00, 0x00, 0x00, 0x00];
        var sig = UbxSecSig.Decode(p);
        Assert.True(sig.JamDetEnabled);
        Assert.Equal(1, sig.JammingState);
        Assert.True(sig.SpfDetEnabled);
        Assert.Equal(2, sig.SpoofingState);
        Assert.Equal(new[] { new UbxJamStateCentFreq(0x180D44, true), new UbxJamStateCentFreq(0, false) }, sig.CentFreqs);
        Assert.Equal(p, sig.Encode());
    }

    [Fact]
    public void Version2_round_trips_through_a_frame()
    {
        var original = new UbxSecSig(2, true, 2, false, 0, [new(1_575_420, true), new(1_207_140, false)]);
        var frame = Assert.Single(new UbxFrameReader().Feed(UbxWriter.Frame(UbxSecSig.Class, UbxSecSig.Id, original.Encode())));
        var decoded = UbxSecSig.Decode(frame.Payload);
        Assert.Equal(original.CentFreqs, decoded.CentFreqs);
        Assert.Equal(original with { CentFreqs = decoded.CentFreqs }, decoded);
    }

    [Theory]
    [InlineData(new byte[] { }, "length")]
    [InlineData(new byte[] { 3, 0, 0, 0 }, "version")]
    [InlineData(new byte[] { 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, "length")]
    [InlineData(new byte[] { 2, 0, 0 }, "length")]
    [InlineData(new byte[] { 2, 0, 0, 2, 0, 0, 0, 0 }, "jamNumCentFreqs")]
    public void Malformed_payloads_name_the_bad_field(byte[] payload, string field)
    {
        var ex = Assert.Throws<UbxFormatException>(() => UbxSecSig.Decode(payload));
        Assert.Equal(field, ex.Field);
        Assert.Equal("UBX-SEC-SIG", ex.MessageName);
    }
}
