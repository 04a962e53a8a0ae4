using System.Text;

namespace GeoEdge.Drivers.Serial.Tests;

public sealed class LineAssemblerTests
{
    [Fact]
    public void Lines_split_across_reads_are_joined_and_crlf_is_stripped()
    {
        var assembler = new LineAssembler();
        var lines = new List<string>();

        assembler.Feed("$GPGGA,1235"u8, lines);
        Assert.Empty(lines);
        assembler.Feed("19*00\r\n$GPRMC\r"u8, lines);
        assembler.Feed("\nno-cr\n"u8, lines);

        Assert.Equal(["$GPGGA,123519*00", "$GPRMC", "no-cr"], lines);
        Assert.Equal(0, assembler.PendingBytes);
    }

    [Fact]
    public void Empty_lines_are_dropped()
    {
        var assembler = new LineAssembler();
        var lines = new List<string>();

        assembler.Feed("\r\n\n\r\na\n"u8, lines);

        Assert.Equal(["a"], lines);
    }

    [Fact]
    public void A_line_of_exactly_the_maximum_is_kept_and_one_byte_more_is_discarded_and_counted()
    {
        var assembler = new LineAssembler(maxLineLength: 8);
        var lines = new List<string>();

        assembler.Feed("12345678\n123456789\nafter\n"u8, lines);

        Assert.Equal(["12345678", "after"], lines);
        Assert.Equal(1, assembler.OverlongLines);
    }

    [Fact]
    public void Bytes_outside_ascii_survive_one_to_one_for_the_validator_to_reject()
    {
        var assembler = new LineAssembler();
        var lines = new List<string>();

        assembler.Feed([0x00, 0xB5, 0x62, 0xFF, (byte)'\n'], lines);

        Assert.Equal("\u0000\u00B5\u0062\u00FF", Assert.Single(lines));
    }

    [Fact]
    public void A_megabyte_without_newline_is_never_buffered_and_allocates_nothing()
    {
        var assembler = new LineAssembler(maxLineLength: 1024);
        var lines = new List<string>(capacity: 4);
        var chunk = new byte[4096];
        Array.Fill(chunk, (byte)'x');

        var mostPending = 0;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var sent = 0; sent < 1 << 20; sent += chunk.Length)
        {
            assembler.Feed(chunk, lines);
            mostPending = Math.Max(mostPending, assembler.PendingBytes); // no Assert here: it would allocate
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.InRange(mostPending, 0, assembler.MaxLineLength);
        Assert.Empty(lines);
        Assert.Equal(1, assembler.OverlongLines);
        Assert.True(allocated < 16 * 1024, $"feeding 1 MB of garbage allocated {allocated} bytes");

        // The garbage ends at the next newline; what follows is a normal line again.
        assembler.Feed("\n$GPGSA,A,3*00\r\n"u8, lines);
        Assert.Equal(["$GPGSA,A,3*00"], lines);
        Assert.Equal(1, assembler.OverlongLines);
    }

    [Fact]
    public void Reset_drops_the_half_line_left_from_a_previous_connection()
    {
        var assembler = new LineAssembler();
        var lines = new List<string>();
        assembler.Feed(Encoding.ASCII.GetBytes("$GPGGA,half"), lines);

        assembler.Reset();
        assembler.Feed("$GPRMC,whole\n"u8, lines);

        Assert.Equal(["$GPRMC,whole"], lines);
    }
}
