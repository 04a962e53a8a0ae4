using System.IO.Compression;
using GeoEdge.Drivers.Gnss.Galileo;
using GeoEdge.Drivers.Gnss.Ubx;
using GeoEdge.Hil.Rig.Composition;

namespace GeoEdge.Drivers.Gnss.Tests.Galileo;

public sealed class OsnmaTestVectorFileTests : IDisposable
{
    private static readonly string Configuration1 = Path.Combine(RepoPaths.SharedTestData, "osnma", "configuration_1");
    private static readonly GalileoSystemTime Start = new(1251, 277201);
    private readonly string _dir = Directory.CreateTempSubdirectory("geoedge-tv-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_real_configuration_1_file_yields_an_hour_of_pages_in_time_order()
    {
        var file = Directory.GetFiles(Configuration1, "*.csv.gz").Single();
        var pages = OsnmaTestVectorFile.Read(file);

        Assert.Equal(26 * 1800, pages.Count);
        Assert.Equal(Start, pages[0].Start);
        Assert.Equal(Start.AddSeconds(2 * 1799), pages[^1].Start);
        Assert.True(pages.Zip(pages.Skip(1)).All(p => p.First.Start <= p.Second.Start));
        Assert.All(pages.Take(26 * 30), p => Assert.True(GalileoInavPage.FromPageBytes(p.Bits.Span).CrcIsValid));
        Assert.All(pages, p => Assert.Equal(GalileoSignal.E1B, p.Signal));
    }

    [Fact]
    public void A_plain_file_reads_like_its_gzip()
    {
        var text = Row(11, 2) + Row(12, 1);
        var plain = Write("01_JAN_2024_GST_00_00_01.csv", text, gzip: false);
        var gz = Write("01_JAN_2024_GST_00_00_01.csv.gz", text, gzip: true);

        var a = OsnmaTestVectorFile.Read(plain);
        var b = OsnmaTestVectorFile.Read(gz);
        Assert.Equal(3, a.Count);
        Assert.Equal(a.Select(p => (p.Svid, p.Start)), b.Select(p => (p.Svid, p.Start)));
        // Satellite 12 has one page only: the second slot holds satellite 11 alone.
        Assert.Equal([11, 12, 11], a.Select(p => p.Svid));
    }

    [Theory]
    [InlineData("SVID,Bits\n", "header")]
    [InlineData("SVID,NumNavBits,NavBitsHEX\n", "no satellite rows")]
    [InlineData("SVID,NumNavBits,NavBitsHEX\n37,240,00\n", "SVID '37'")]
    [InlineData("SVID,NumNavBits,NavBitsHEX\n1,241,00\n", "multiple of 240")]
    [InlineData("SVID,NumNavBits,NavBitsHEX\n1,240,00\n", "needs 60 hex digits")]
    [InlineData("SVID,NumNavBits,NavBitsHEX\n1,240\n", "2 fields")]
    public void Malformed_files_are_refused_naming_the_problem(string text, string expected)
    {
        var path = Write("01_JAN_2024_GST_00_00_01.csv", text, gzip: false);
        var error = Assert.Throws<GalileoRecordingException>(() => OsnmaTestVectorFile.Read(path));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Non_hex_digits_and_duplicate_satellites_are_refused()
    {
        var bad = Write("01_JAN_2024_GST_00_00_01.csv", "SVID,NumNavBits,NavBitsHEX\n1,240," + new string('Z', 60) + "\n", gzip: false);
        Assert.Contains("not hexadecimal", Assert.Throws<GalileoRecordingException>(() => OsnmaTestVectorFile.Read(bad)).Message);
        var twice = Write("01_JAN_2024_GST_00_00_02.csv", Row(3, 1) + Row(3, 1), gzip: false);
        Assert.Contains("SVID 3 appears twice", Assert.Throws<GalileoRecordingException>(() => OsnmaTestVectorFile.Read(twice)).Message);
    }

    [Fact]
    public void A_name_without_a_start_time_needs_the_time_given()
    {
        var path = Write("capture.csv", Row(1, 1), gzip: false);
        Assert.Contains("start time", Assert.Throws<GalileoRecordingException>(() => OsnmaTestVectorFile.Read(path)).Message);
        Assert.Equal(Start, OsnmaTestVectorFile.Read(path, Start).Single().Start);
        var tooEarly = Write("01_JAN_1990_GST_00_00_01.csv", Row(1, 1), gzip: false);
        Assert.Contains("before Galileo System Time began", Assert.Throws<GalileoRecordingException>(() => OsnmaTestVectorFile.Read(tooEarly)).Message);
    }

    [Fact]
    public void A_truncated_gzip_is_a_recording_error()
    {
        var gz = Write("01_JAN_2024_GST_00_00_01.csv.gz", Row(1, 50), gzip: true);
        var bytes = File.ReadAllBytes(gz);
        File.WriteAllBytes(gz, bytes[..(bytes.Length / 2)]);
        Assert.Contains("gzip", Assert.Throws<GalileoRecordingException>(() => OsnmaTestVectorFile.Read(gz)).Message);
        // Cut at a point where what inflates is still a well-formed CSV: only the trailer can tell.
        var whole = Write("01_JAN_2024_GST_00_00_02.csv.gz", Row(1, 50) + Row(2, 50), gzip: true);
        var all = File.ReadAllBytes(whole);
        File.WriteAllBytes(whole, all[..^8]);
        Assert.Contains("truncated or corrupt gzip", Assert.Throws<GalileoRecordingException>(() => OsnmaTestVectorFile.Read(whole)).Message);
    }

    private static string Row(int svid, int pages) =>
        $"{svid},{240 * pages},{string.Concat(Enumerable.Range(0, pages).Select(k => Convert.ToHexString(Enumerable.Range(0, 30).Select(i => (byte)(svid + k + i)).ToArray())))}\n";

    private string Write(string name, string body, bool gzip)
    {
        var text = body.StartsWith("SVID") ? body : "SVID,NumNavBits,NavBitsHEX\n" + body;
        var path = Path.Combine(_dir, name);
        if (!gzip) { File.WriteAllText(path, text); return path; }
        using var file = File.Create(path);
        using var zip = new GZipStream(file, CompressionLevel.Fastest);
        zip.Write(System.Text.Encoding.ASCII.GetBytes(text));
        return path;
    }
}
