using GeoEdge.Drivers.Gnss.Ubx;

namespace GeoEdge.Drivers.Gnss.Galileo;

/// <summary>
/// A u-blox capture file (raw serial bytes: UBX, possibly interleaved with NMEA; plain or gzip'd,
/// told by the magic bytes) read into Galileo pages through <see cref="GnssStreamDemultiplexer"/>
/// and <see cref="GalileoPageAssembler"/>. Garbage between frames is skipped and counted, refused
/// subframes are counted by reason; a capture without a single Galileo page is an error.
/// </summary>
public sealed class UbxRecording
{
    /// <summary>A day of raw UBX from a busy receiver stays well below this once inflated.</summary>
    public const long MaxInflatedBytes = 256L * 1024 * 1024;
    private const int ChunkBytes = 64 * 1024;

    private UbxRecording(IReadOnlyList<GalileoPage> pages, GnssStreamDemultiplexer demultiplexer, GalileoPageAssembler assembler)
    {
        Pages = pages;
        UbxFrames = demultiplexer.UbxFrames;
        NmeaLines = demultiplexer.NmeaLines;
        BadUbxChecksums = demultiplexer.BadUbxChecksums;
        DiscardedBytes = demultiplexer.DiscardedBytes;
        PagesWithBadCrc = assembler.PagesWithBadCrc;
        Rejections = assembler.RejectionCounts;
    }

    public IReadOnlyList<GalileoPage> Pages { get; }
    public long UbxFrames { get; }
    public long NmeaLines { get; }
    public long BadUbxChecksums { get; }

    /// <summary>Bytes that were neither a UBX frame nor an NMEA line (noise, cut-off frames).</summary>
    public long DiscardedBytes { get; }

    public long PagesWithBadCrc { get; }
    public IReadOnlyDictionary<GalileoPageRejection, long> Rejections { get; }

    /// <exception cref="GalileoRecordingException">Unreadable, too large once inflated, a broken gzip stream, or no Galileo page.</exception>
    public static UbxRecording Read(string path, long maxInflatedBytes = MaxInflatedBytes) =>
        Parse(BoundedFileContent.Read(path, maxInflatedBytes), Path.GetFileName(path));

    /// <exception cref="GalileoRecordingException">No Galileo page in <paramref name="content"/>.</exception>
    public static UbxRecording Parse(ReadOnlySpan<byte> content, string source)
    {
        var demultiplexer = new GnssStreamDemultiplexer();
        var assembler = new GalileoPageAssembler();
        var pages = new List<GalileoPage>();
        for (var offset = 0; offset < content.Length; offset += ChunkBytes)
        {
            foreach (var item in demultiplexer.Feed(content.Slice(offset, Math.Min(ChunkBytes, content.Length - offset))))
                if (item is UbxStreamItem { Frame: var frame } && assembler.Feed(frame) is { } page) pages.Add(page);
        }
        var recording = new UbxRecording(pages, demultiplexer, assembler);
        if (pages.Count == 0)
            throw new GalileoRecordingException(source, $"no Galileo I/NAV page in {content.Length} bytes " +
                $"({recording.UbxFrames} UBX frames, {recording.DiscardedBytes} bytes of noise; refused: {recording.DescribeRejections()})");
        return recording;
    }

    public string DescribeRejections()
    {
        var nonZero = Rejections.Where(r => r.Value > 0).Select(r => $"{r.Key} {r.Value}").ToArray();
        return nonZero.Length == 0 ? "none" : string.Join(", ", nonZero);
    }
}
