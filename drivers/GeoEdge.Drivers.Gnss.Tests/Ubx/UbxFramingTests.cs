using GeoEdge.Drivers.Gnss.Ubx;

namespace GeoEdge.Drivers.Gnss.Tests.Ubx;

public sealed class UbxFramingTests
{
    private static readonly byte[] Payload = [0x01, 0xB5, 0x62, 0x00, 0xFF, 0x10, 0x20];

    [Fact]
    public void Writer_matches_the_published_MON_VER_poll_bytes()
    {
        // The MON-VER poll (empty payload) is printed in u-blox manuals as B5 62 0A 04 00 00 0E 34.
        Assert.Equal(new byte[] { 0xB5, 0x62, 0x0A, 0x04, 0x00, 0x00, 0x0E, 0x34 }, UbxWriter.Frame(0x0A, 0x04, []));
    }

    [Fact]
    public void Reader_round_trips_a_written_frame()
    {
        var reader = new UbxFrameReader();
        var frame = Assert.Single(reader.Feed(UbxWriter.Frame(0x02, 0x13, Payload)));
        Assert.Equal(0x02, frame.Class);
        Assert.Equal(0x13, frame.Id);
        Assert.Equal(Payload, frame.Payload);
        Assert.Equal(1, reader.Frames);
        Assert.Equal(0, reader.DiscardedBytes);
    }

    [Fact]
    public void Split_at_every_offset_yields_both_frames_exactly_once()
    {
        var stream = UbxWriter.Frame(0x01, 0x07, Payload).Concat(UbxWriter.Frame(0x0A, 0x09, [9, 8])).ToArray();
        for (var cut = 0; cut <= stream.Length; cut++)
        {
            var reader = new UbxFrameReader();
            var frames = reader.Feed(stream.AsSpan(0, cut)).Concat(reader.Feed(stream.AsSpan(cut))).ToList();
            Assert.Equal(2, frames.Count);
            Assert.Equal(Payload, frames[0].Payload);
            Assert.Equal(new byte[] { 9, 8 }, frames[1].Payload);
            Assert.Equal(0, reader.DiscardedBytes);
        }
    }

    [Fact]
    public void Byte_at_a_time_feeding_yields_the_frame()
    {
        var reader = new UbxFrameReader();
        var frames = UbxWriter.Frame(0x27, 0x09, Payload).SelectMany(b => reader.Feed([b])).ToList();
        Assert.Equal(Payload, Assert.Single(frames).Payload);
    }

    [Fact]
    public void Garbage_between_frames_is_discarded_and_counted()
    {
        byte[] garbage = [0x00, 0xB5, 0x13, 0x62, 0xB5];
        var stream = garbage.Concat(UbxWriter.Frame(1, 2, Payload)).Concat(garbage).Concat(UbxWriter.Frame(3, 4, [])).ToArray();
        var reader = new UbxFrameReader();
        var frames = reader.Feed(stream);
        Assert.Equal(new byte[] { 1, 3 }, frames.Select(f => f.Class).ToArray());
        Assert.Equal(2 * garbage.Length, reader.DiscardedBytes);
    }

    [Fact]
    public void Corrupt_checksum_is_rejected_and_the_next_frame_still_found()
    {
        var bad = UbxWriter.Frame(1, 2, Payload);
        bad[^1] ^= 0x01;
        var reader = new UbxFrameReader();
        var frames = reader.Feed(bad.Concat(UbxWriter.Frame(5, 6, Payload)).ToArray());
        Assert.Equal(5, Assert.Single(frames).Class);
        Assert.Equal(1, reader.BadChecksums);
        Assert.Equal(bad.Length, reader.DiscardedBytes);
    }

    [Fact]
    public void Corrupt_payload_byte_fails_the_checksum()
    {
        var bad = UbxWriter.Frame(1, 2, Payload);
        bad[7] ^= 0x40;
        var reader = new UbxFrameReader();
        Assert.Empty(reader.Feed(bad));
        Assert.Equal(1, reader.BadChecksums);
    }

    [Fact]
    public void Truncated_frame_is_held_back_until_completed()
    {
        var frame = UbxWriter.Frame(1, 2, Payload);
        var reader = new UbxFrameReader();
        Assert.Empty(reader.Feed(frame.AsSpan(0, frame.Length - 1)));
        Assert.Single(reader.Feed(frame.AsSpan(frame.Length - 1)));
    }

    [Fact]
    public void Oversized_declared_length_is_treated_as_garbage_and_resync_continues()
    {
        byte[] oversized = [0xB5, 0x62, 0x01, 0x07, 0x01, 0x20]; // declares 8193 bytes
        var reader = new UbxFrameReader(maxPayloadLength: 8192);
        var frames = reader.Feed(oversized.Concat(UbxWriter.Frame(1, 7, Payload)).ToArray());
        Assert.Equal(Payload, Assert.Single(frames).Payload);
        Assert.Equal(oversized.Length, reader.DiscardedBytes);
    }

    [Fact]
    public void Frame_of_exactly_the_maximum_length_is_accepted_even_from_one_huge_chunk()
    {
        var big = new byte[64];
        new Random(7).NextBytes(big);
        var one = UbxWriter.Frame(2, 0x13, big);
        var stream = Enumerable.Repeat(one, 50).SelectMany(f => f).ToArray();
        var reader = new UbxFrameReader(maxPayloadLength: 64);
        Assert.Equal(50, reader.Feed(stream).Count);
        Assert.Equal(0, reader.DiscardedBytes);
    }

    [Fact]
    public void Writer_rejects_a_payload_longer_than_the_length_field()
    {
        Assert.Throws<ArgumentException>(() => UbxWriter.Frame(1, 1, new byte[70000]));
    }
}
