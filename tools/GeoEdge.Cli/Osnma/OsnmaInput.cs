using System.Diagnostics;
using GeoEdge.Drivers.Gnss.Galileo;

namespace GeoEdge.Cli.Osnma;

/// <summary>
/// The pages to verify, from an official test-vector CSV or a UBX capture (either plain or gzip'd). A CSV
/// is told by its header line, anything else is read as UBX, so a file's name does not have to follow any rule.
/// Loading is the reading, inflating and parsing of the file, timed apart from verification (the benchmark
/// reports both: for a UBX capture the parsing is a large part of the cost).
/// </summary>
public sealed record OsnmaInput(string Format, IReadOnlyList<GalileoPage> Pages, string? Notes, TimeSpan Loading)
{
    private static readonly byte[] CsvHeader = "SVID,"u8.ToArray();

    public static OsnmaInput Load(string path, GalileoSystemTime? start)
    {
        if (!File.Exists(path)) throw new GalileoRecordingException(path, "file does not exist");
        var clock = Stopwatch.StartNew();
        if (LooksLikeCsv(path))
        {
            var pages = OsnmaTestVectorFile.Read(path, start);
            return new OsnmaInput("test-vector-csv", pages, null, clock.Elapsed);
        }
        var recording = UbxRecording.Read(path);
        var loading = clock.Elapsed;
        var notes = $"{recording.UbxFrames} UBX frames, {recording.NmeaLines} NMEA lines, {recording.BadUbxChecksums} bad UBX checksums, "
                    + $"{recording.DiscardedBytes} bytes skipped; {recording.DescribeRejections()}";
        return new OsnmaInput("ubx", recording.Pages, notes, loading);
    }

    private static bool LooksLikeCsv(string path)
    {
        using var file = File.OpenRead(path);
        Span<byte> head = stackalloc byte[2];
        var gzip = file.Read(head) == 2 && head[0] == 0x1f && head[1] == 0x8b;
        file.Position = 0;
        using Stream content = gzip ? new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionMode.Decompress) : file;
        Span<byte> start = stackalloc byte[CsvHeader.Length];
        try
        {
            content.ReadExactly(start);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException)
        {
            return false;
        }
        return start.SequenceEqual(CsvHeader);
    }
}
