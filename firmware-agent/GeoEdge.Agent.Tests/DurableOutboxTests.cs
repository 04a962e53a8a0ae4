using System.Text;
using GeoEdge.Agent.Outbox;
using GeoEdge.Agent.State;

namespace GeoEdge.Agent.Tests;

public class DurableOutboxTests
{
    private static byte[] Bytes(string s) => Encoding.UTF8.GetBytes(s);

    [Fact]
    public void Released_readings_come_out_oldest_first_and_staged_ones_not_at_all()
    {
        using var dir = new TempDirectory();
        var outbox = new DurableOutbox(dir.Path);
        foreach (var seq in new ulong[] { 3, 1, 2 })
        {
            outbox.Stage(seq, Bytes($"r{seq}"));
            outbox.Release(seq);
        }
        outbox.Stage(4, Bytes("r4"));

        Assert.Equal(3, outbox.Count);
        Assert.Equal((1ul, "r1"), Decode(outbox.Oldest()));
        outbox.Remove(1);
        Assert.Equal((2ul, "r2"), Decode(outbox.Oldest()));
    }

    [Fact]
    public void Order_is_by_number_not_by_name_length()
    {
        using var dir = new TempDirectory();
        var outbox = new DurableOutbox(dir.Path);
        foreach (var seq in new ulong[] { 10, 9 })
        {
            outbox.Stage(seq, Bytes($"r{seq}"));
            outbox.Release(seq);
        }
        Assert.Equal(9ul, outbox.Oldest()!.Value.Seq);
    }

    [Fact]
    public void Recovery_releases_readings_staged_under_a_committed_number_and_drops_the_others()
    {
        using var dir = new TempDirectory();
        var outbox = new DurableOutbox(dir.Path);
        outbox.Stage(5, Bytes("committed before the crash"));
        outbox.Stage(6, Bytes("never committed"));
        File.WriteAllText(Path.Combine(dir.Path, "outbox", "00000000000000000007.reading.tmp"), "torn write");

        var afterCrash = new DurableOutbox(dir.Path);
        afterCrash.Recover(committedSeq: 5);

        Assert.Equal(1, afterCrash.Count);
        Assert.Equal((5ul, "committed before the crash"), Decode(afterCrash.Oldest()));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(dir.Path, "outbox"), "*.staged"));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(dir.Path, "outbox"), "*.tmp"));
    }

    [Fact]
    public void An_empty_outbox_has_no_oldest()
    {
        using var dir = new TempDirectory();
        Assert.Null(new DurableOutbox(dir.Path).Oldest());
    }

    private static (ulong, string) Decode((ulong Seq, byte[] Message)? entry) =>
        (entry!.Value.Seq, Encoding.UTF8.GetString(entry.Value.Message));
}
