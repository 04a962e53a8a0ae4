using System.Text;
using GeoEdge.Drivers.Gnss.Ubx;

namespace GeoEdge.Drivers.Gnss.Tests.Ubx;

public sealed class GnssStreamDemultiplexerTests
{
    private const string Gga = "$GPGGA,092725.00,4717.11399,N,00833.91590,E,1,08,1.01,499.6,M,48.0,M,,*5B";
    private const string Rmc = "$GPRMC,083559.00,A,4717.11437,N,00833.91522,E,0.004,77.52,091202,,,A*57";
    private static readonly byte[] Payload = [0x24, 0x0A, 0xB5, 0x62, 0x0D];

    private static byte[] Mixed() =>
        Encoding.ASCII.GetBytes(Gga + "\r\n")
            .Concat(UbxWriter.Frame(0x02, 0x13, Payload))
            .Concat(Encoding.ASCII.GetBytes(Rmc + "\n"))
            .Concat(UbxWriter.Frame(0x01, 0x25, []))
            .ToArray();

    private static void AssertMixed(IReadOnlyList<GnssStreamItem> items)
    {
        Assert.Equal(4, items.Count);
        Assert.Equal(Gga, Assert.IsType<NmeaLineItem>(items[0]).Line);
        Assert.Equal(Payload, Assert.IsType<UbxStreamItem>(items[1]).Frame.Payload);
        Assert.Equal(Rmc, Assert.IsType<NmeaLineItem>(items[2]).Line);
        Assert.Equal(0x25, Assert.IsType<UbxStreamItem>(items[3]).Frame.Id);
    }

    [Fact]
    public void Interleaved_stream_yields_lines_and_frames_in_order()
    {
        var demux = new GnssStreamDemultiplexer();
        AssertMixed(demux.Feed(Mixed()));
        Assert.Equal(2, demux.NmeaLines);
        Assert.Equal(2, demux.UbxFrames);
        Assert.Equal(0, demux.DiscardedBytes);
    }

    [Fact]
    public void Split_at_every_offset_gives_the_same_items()
    {
        var stream = Mixed();
        for (var cut = 0; cut <= stream.Length; cut++)
        {
            var demux = new GnssStreamDemultiplexer();
            AssertMixed(demux.Feed(stream.AsSpan(0, cut)).Concat(demux.Feed(stream.AsSpan(cut))).ToList());
            Assert.Equal(0, demux.DiscardedBytes);
        }
    }

    [Fact]
    public void Garbage_and_a_cut_off_line_are_discarded()
    {
        var cutOffLine = Encoding.ASCII.GetBytes("$GPGSV,3,1,1"); // the receiver dropped the rest
        byte[] noise = [0x00, 0xFF, 0xB5, 0x00, 0x13];
        var stream = noise.Concat(cutOffLine).Concat(Mixed()).ToArray();
        var demux = new GnssStreamDemultiplexer();
        AssertMixed(demux.Feed(stream));
        Assert.Equal(noise.Length + cutOffLine.Length, demux.DiscardedBytes);
    }

    [Fact]
    public void Line_longer_than_the_bound_is_discarded()
    {
        var longLine = Encoding.ASCII.GetBytes("$" + new string('A', 300) + "\n");
        var demux = new GnssStreamDemultiplexer(maxNmeaLineLength: 100);
        var items = demux.Feed(longLine.Concat(Mixed()).ToArray());
        AssertMixed(items);
        Assert.Equal(longLine.Length, demux.DiscardedBytes);
    }

    [Fact]
    public void Bad_ubx_checksum_is_counted_and_the_following_line_kept()
    {
        var bad = UbxWriter.Frame(1, 7, Payload);
        bad[^2] ^= 0x80;
        var demux = new GnssStreamDemultiplexer();
        var items = demux.Feed(bad.Concat(Encoding.ASCII.GetBytes(Gga + "\r\n")).ToArray());
        Assert.Equal(Gga, Assert.IsType<NmeaLineItem>(Assert.Single(items)).Line);
        Assert.Equal(1, demux.BadUbxChecksums);
        Assert.Equal(bad.Length, demux.DiscardedBytes);
    }
}
