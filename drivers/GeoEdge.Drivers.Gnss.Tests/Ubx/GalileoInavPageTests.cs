using System.IO.Compression;
using GeoEdge.Drivers.Gnss.Ubx;
using GeoEdge.Hil.Rig.Composition;

namespace GeoEdge.Drivers.Gnss.Tests.Ubx;

public sealed class GalileoInavPageTests
{
    private static readonly string Configuration1 = Path.Combine(RepoPaths.SharedTestData, "osnma", "configuration_1");

    /// <summary>The first <paramref name="count"/> 240-bit pages of each of the first <paramref name="satellites"/> rows.</summary>
    private static List<(string Svid, byte[] Page)> RealPages(int satellites, int count)
    {
        var file = Directory.GetFiles(Configuration1, "*.csv.gz").Single();
        using var reader = new StreamReader(new GZipStream(File.OpenRead(file), CompressionMode.Decompress));
        Assert.Equal("SVID,NumNavBits,NavBitsHEX", reader.ReadLine());
        var pages = new List<(string, byte[])>();
        for (var s = 0; s < satellites; s++)
        {
            var fields = reader.ReadLine()!.Split(',');
            for (var k = 0; k < count; k++)
                pages.Add((fields[0], Convert.FromHexString(fields[2].AsSpan(60 * k, 60))));
        }
        return pages;
    }

    [Fact]
    public void Crc_passes_on_the_first_200_real_pages_of_several_satellites()
    {
        var pages = RealPages(satellites: 4, count: 200);
        Assert.Equal(800, pages.Count);
        foreach (var (svid, bytes) in pages)
            Assert.True(GalileoInavPage.FromPageBytes(bytes).CrcIsValid, $"E{svid}");
    }

    [Fact]
    public void Any_flipped_covered_bit_fails_the_crc()
    {
        var page = RealPages(1, 1)[0].Page;
        int[] bits = [0, 1, 57, 113, 120, 138, 177, 201, 202, 225];
        foreach (var bit in bits)
        {
            var copy = (byte[])page.Clone();
            copy[bit / 8] ^= (byte)(0x80 >> (bit % 8));
            Assert.False(GalileoInavPage.FromPageBytes(copy).CrcIsValid, $"bit {bit}");
        }
    }

    [Fact]
    public void Real_pages_survive_the_sfrbx_round_trip_and_keep_a_valid_crc()
    {
        foreach (var (svid, bytes) in RealPages(2, 30))
        {
            var sfrbx = GalileoInavPage.FromPageBytes(bytes).ToSfrbx(byte.Parse(svid), sigId: 1);
            var wire = Assert.Single(new UbxFrameReader().Feed(UbxWriter.Frame(UbxRxmSfrbx.Class, UbxRxmSfrbx.Id, sfrbx.Encode())));
            var page = GalileoInavPage.FromSfrbx(UbxRxmSfrbx.Decode(wire.Payload));
            Assert.Equal(bytes, page.PageBytes.ToArray());
            Assert.True(page.CrcIsValid);
        }
    }

    [Fact]
    public void Osnma_bits_are_the_low_14_bits_of_word_4_then_the_top_26_of_word_5()
    {
        uint[] words = [0x40000000, 0, 0, 0, 0x80002ABC, 0xDEADBEEF, 0, 0];
        var page = GalileoInavPage.FromSfrbx(new UbxRxmSfrbx(2, 1, 1, 0, 0, 2, words));
        ulong expected = ((ulong)(0x80002ABCu & 0x3FFF) << 26) | (0xDEADBEEFu >> 6);
        var osnma = page.OsnmaBits();
        Assert.Equal(expected, osnma.Aggregate(0UL, (acc, b) => (acc << 8) | b));
        Assert.Equal(0x40, page.PageBytes[0]);
        Assert.Equal(0x80, page.PageBytes[15]);
    }

    [Fact]
    public void Non_galileo_or_wrong_word_count_is_rejected()
    {
        Assert.Equal("gnssId", Assert.Throws<UbxFormatException>(() =>
            GalileoInavPage.FromSfrbx(new UbxRxmSfrbx(0, 1, 0, 0, 0, 2, new uint[8]))).Field);
        Assert.Equal("numWords", Assert.Throws<UbxFormatException>(() =>
            GalileoInavPage.FromSfrbx(new UbxRxmSfrbx(2, 1, 1, 0, 0, 2, new uint[10]))).Field);
        Assert.Throws<ArgumentException>(() => GalileoInavPage.FromPageBytes(new byte[29]));
    }
}
