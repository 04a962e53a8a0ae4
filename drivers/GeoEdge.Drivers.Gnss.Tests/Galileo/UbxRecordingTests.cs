using System.IO.Compression;
using System.Text;
using GeoEdge.Drivers.Gnss.Galileo;
using GeoEdge.Drivers.Gnss.Ubx;
using static GeoEdge.Drivers.Gnss.Tests.Galileo.UbxTestFrames;

namespace GeoEdge.Drivers.Gnss.Tests.Galileo;

public sealed class UbxRecordingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("geoedge-ubx-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("configuration_1.ubx")]
    [InlineData("configuration_1.ubx.gz")]
    public void The_whole_configuration_1_hour_survives_csv_to_ubx_to_pages(string name)
    {
        var path = Path.Combine(_dir, name);
        UbxRecordingWriter.WriteFile(path, Configuration1);

        var recording = UbxRecording.Read(path);

        Assert.Equal(name.EndsWith(".gz"), IsGzip(path));
        Assert.Equal(46_800, recording.Pages.Count);
        Assert.Equal(Configuration1.Select(Key), recording.Pages.Select(Key));
        Assert.Equal(0, recording.DiscardedBytes);
        Assert.Equal(0, recording.PagesWithBadCrc);
        Assert.Equal("none", recording.DescribeRejections());
        Assert.Equal(1800 + 46_800, recording.UbxFrames);
    }

    [Fact]
    public void Garbage_between_frames_and_interleaved_nmea_are_skipped_and_counted()
    {
        var slots = GalileoPageSlot.Group(Configuration1.Take(26 * 3)).ToArray();
        using var stream = new MemoryStream();
        var noise = new byte[] { 0x00, 0xB5, 0x00, 0xFF, (byte)'$', 0x13, 0xB5, 0x62, 0x02 };
        foreach (var slot in slots)
        {
            stream.Write(noise);
            stream.Write("$GNGGA,050003.00,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*4A\r\n"u8);
            stream.Write(UbxRecordingWriter.EncodeSlot(slot));
        }

        var recording = UbxRecording.Parse(stream.ToArray(), "noisy");

        Assert.Equal(Configuration1.Take(26 * 3).Select(Key), recording.Pages.Select(Key));
        Assert.Equal(3 * noise.Length, recording.DiscardedBytes);
        Assert.Equal(3, recording.NmeaLines);
    }

    [Fact]
    public void A_cut_off_last_frame_and_a_corrupted_frame_cost_only_their_own_pages()
    {
        var slot = GalileoPageSlot.Group(Configuration1).First();
        var bytes = UbxRecordingWriter.EncodeSlot(slot);
        var frameLength = 8 + 8 + 32;
        var timeGalLength = 8 + 20;
        bytes[timeGalLength + 20] ^= 0x40; // inside the first SFRBX: its checksum fails
        var recording = UbxRecording.Parse(bytes.AsSpan(0, bytes.Length - 5), "cut");

        Assert.Equal(slot.Pages.Skip(1).SkipLast(1).Select(Key), recording.Pages.Select(Key));
        Assert.Equal(1, recording.BadUbxChecksums);
        Assert.True(recording.DiscardedBytes >= frameLength, $"{recording.DiscardedBytes} bytes discarded");
    }

    [Fact]
    public void Subframes_before_the_first_timegal_are_counted_as_refused()
    {
        var slots = GalileoPageSlot.Group(Configuration1.Take(26 * 2)).ToArray();
        var first = UbxRecordingWriter.EncodeSlot(slots[0]);
        var withoutTime = first[(8 + 20)..];
        var recording = UbxRecording.Parse([.. withoutTime, .. UbxRecordingWriter.EncodeSlot(slots[1])], "late start");

        Assert.Equal(slots[1].Pages.Select(Key), recording.Pages.Select(Key));
        Assert.Equal(26, recording.Rejections[GalileoPageRejection.NoTimeYet]);
        Assert.Contains("NoTimeYet 26", recording.DescribeRejections());
    }

    [Fact]
    public void Extra_messages_from_the_callback_are_written_after_the_pages_with_the_slot_epoch()
    {
        var slot = GalileoPageSlot.Group(Configuration1).First();
        uint? seenITow = null;
        var bytes = UbxRecordingWriter.EncodeSlot(slot, (s, iTow) =>
        {
            seenITow = iTow;
            return [new UbxFrame(UbxNavStatus.Class, UbxNavStatus.Id, new UbxNavStatus(iTow, 3, 0, 0, 0, 0, 0).Encode())];
        });

        var frames = new UbxFrameReader().Feed(bytes);
        Assert.Equal((uint)(slot.Start.TimeOfWeek + 2) * 1000, seenITow);
        Assert.Equal(1 + 26 + 1, frames.Count);
        Assert.Equal((UbxNavTimeGal.Class, UbxNavTimeGal.Id), (frames[0].Class, frames[0].Id));
        var time = UbxNavTimeGal.Decode(frames[0].Payload);
        Assert.Equal((uint)slot.End.TimeOfWeek, time.GalTow);
        Assert.Equal(0x7, time.Valid);
        Assert.Equal(seenITow, UbxNavStatus.Decode(frames[^1].Payload).ITow);
    }

    [Fact]
    public void Pages_on_an_even_second_are_refused_by_the_writer()
    {
        var page = RealPage() with { Start = RealPage().Start.AddSeconds(1) };
        Assert.Throws<ArgumentException>(() => UbxRecordingWriter.EncodeSlot(new GalileoPageSlot(page.Start, [page])));
    }

    [Fact]
    public void A_capture_without_galileo_pages_is_a_clear_error()
    {
        var path = Path.Combine(_dir, "nmea-only.ubx");
        File.WriteAllText(path, "$GNGGA,050003.00,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*4A\r\n");
        var ex = Assert.Throws<GalileoRecordingException>(() => UbxRecording.Read(path));
        Assert.Contains("no Galileo I/NAV page", ex.Message);
        Assert.Equal("nmea-only.ubx", ex.RecordingName);

        var empty = Path.Combine(_dir, "empty.ubx");
        File.WriteAllBytes(empty, []);
        Assert.Throws<GalileoRecordingException>(() => UbxRecording.Read(empty));
    }

    [Fact]
    public void Only_gps_subframes_is_an_error_that_says_what_was_refused()
    {
        var gps = new UbxRxmSfrbx(UbxGnssId.Gps, 5, 0, 0, 1, 2, new uint[10]);
        byte[] bytes = [.. Bytes(TimeGal(RealPage().Start.AddSeconds(2))), .. UbxWriter.Frame(UbxRxmSfrbx.Class, UbxRxmSfrbx.Id, gps.Encode())];
        var ex = Assert.Throws<GalileoRecordingException>(() => UbxRecording.Parse(bytes, "gps"));
        Assert.Contains("NotGalileo 1", ex.Message);
    }

    [Fact]
    public void A_gzip_that_inflates_past_the_bound_is_refused()
    {
        var path = Path.Combine(_dir, "bomb.ubx.gz");
        using (var gz = new GZipStream(File.Create(path), CompressionLevel.Optimal))
            gz.Write(new byte[4 * 1024 * 1024]);
        var ex = Assert.Throws<GalileoRecordingException>(() => UbxRecording.Read(path, maxInflatedBytes: 1024 * 1024));
        Assert.Contains("once inflated", ex.Message);
    }

    [Fact]
    public void A_broken_gzip_stream_is_a_clear_error()
    {
        var path = Path.Combine(_dir, "broken.ubx.gz");
        UbxRecordingWriter.WriteFile(path, Configuration1.Take(26 * 10));
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, [.. bytes[..20], .. Encoding.ASCII.GetBytes(new string('x', 200)), .. bytes[20..]]);
        Assert.Contains("gzip", Assert.Throws<GalileoRecordingException>(() => UbxRecording.Read(path)).Message);
    }

    private static (int, GalileoSystemTime, GalileoSignal, string) Key(GalileoPage p) => (p.Svid, p.Start, p.Signal, Convert.ToHexString(p.Bits.Span));

    private static bool IsGzip(string path)
    {
        using var file = File.OpenRead(path);
        return file.ReadByte() == 0x1f && file.ReadByte() == 0x8b;
    }
}
