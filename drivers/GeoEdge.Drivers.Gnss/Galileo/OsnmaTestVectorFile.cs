using System.Globalization;
using System.Text.RegularExpressions;

namespace GeoEdge.Drivers.Gnss.Galileo;

/// <summary>
/// The official OSNMA test-vector format (ICD / Receiver Guidelines annex): a CSV with header
/// <c>SVID,NumNavBits,NavBitsHEX</c> and one row per satellite holding its consecutive 240-bit E1-B
/// pages; page k starts 2k seconds after the time in the file name (e.g. 16_AUG_2023_GST_05_00_01),
/// which is read as GST. Pages come back in time order, all satellites of one page slot together.
/// </summary>
public static partial class OsnmaTestVectorFile
{
    /// <summary>A day of all 36 satellites is about 100 MiB of hex; anything larger is not a test vector.</summary>
    public const long MaxInflatedBytes = 256L * 1024 * 1024;
    private const string Header = "SVID,NumNavBits,NavBitsHEX";
    private const int PageSeconds = 2;
    private const int PageBits = 240;

    public static IReadOnlyList<GalileoPage> Read(string path, GalileoSystemTime? start = null)
    {
        var first = start ?? StartFromFileName(path);
        var text = BoundedFileContent.ReadText(path, MaxInflatedBytes);
        return Parse(text, first, Path.GetFileName(path));
    }

    public static GalileoSystemTime StartFromFileName(string path)
    {
        var name = Path.GetFileName(path);
        var match = StartPattern().Match(name);
        if (!match.Success
            || !DateTime.TryParseExact(match.Value, "dd_MMM_yyyy'_GST_'HH_mm_ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var gst))
            throw new GalileoRecordingException(name, "the start time is not in the file name (expected e.g. 16_AUG_2023_GST_05_00_01); give it explicitly");
        if (gst < GalileoSystemTime.Epoch)
            throw new GalileoRecordingException(name, $"the start time {match.Value} is before Galileo System Time began (1999-08-22)");
        return GalileoSystemTime.FromGstCalendar(gst);
    }

    public static IReadOnlyList<GalileoPage> Parse(string text, GalileoSystemTime start, string source)
    {
        var lines = text.Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd('\r') != Header)
            throw new GalileoRecordingException(source, $"line 1 is not the header '{Header}'");
        var rows = new List<(int Svid, byte[] Bits)>();
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0) continue;
            var row = ParseRow(line, source, i + 1);
            if (rows.Any(r => r.Svid == row.Svid))
                throw new GalileoRecordingException(source, $"line {i + 1}: SVID {row.Svid} appears twice");
            rows.Add(row);
        }
        if (rows.Count == 0) throw new GalileoRecordingException(source, "no satellite rows");
        return Interleave(rows, start);
    }

    private static (int Svid, byte[] Bits) ParseRow(string line, string source, int lineNumber)
    {
        var fields = line.Split(',');
        if (fields.Length != 3)
            throw new GalileoRecordingException(source, $"line {lineNumber}: {fields.Length} fields, expected 3");
        if (!int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var svid) || svid is < 1 or > GalileoPage.MaxSvid)
            throw new GalileoRecordingException(source, $"line {lineNumber}: SVID '{Clip(fields[0])}' is not 1..{GalileoPage.MaxSvid}");
        if (!int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var bits) || bits <= 0 || bits % PageBits != 0)
            throw new GalileoRecordingException(source, $"line {lineNumber}: NumNavBits '{Clip(fields[1])}' is not a positive multiple of {PageBits}");
        if (fields[2].Length != bits / 4)
            throw new GalileoRecordingException(source, $"line {lineNumber}: NumNavBits {bits} needs {bits / 4} hex digits, the row has {fields[2].Length}");
        try
        {
            return (svid, Convert.FromHexString(fields[2]));
        }
        catch (FormatException)
        {
            throw new GalileoRecordingException(source, $"line {lineNumber}: NavBitsHEX is not hexadecimal");
        }
    }

    private static List<GalileoPage> Interleave(List<(int Svid, byte[] Bits)> rows, GalileoSystemTime start)
    {
        const int pageBytes = PageBits / 8;
        var slots = rows.Max(r => r.Bits.Length) / pageBytes;
        var pages = new List<GalileoPage>(rows.Sum(r => r.Bits.Length / pageBytes));
        for (var k = 0; k < slots; k++)
        {
            var time = start.AddSeconds((long)k * PageSeconds);
            foreach (var (svid, bits) in rows.OrderBy(r => r.Svid))
            {
                if ((k + 1) * pageBytes > bits.Length) continue;
                pages.Add(new GalileoPage(svid, time, GalileoSignal.E1B, bits.AsMemory(k * pageBytes, pageBytes)));
            }
        }
        return pages;
    }

    private static string Clip(string value) => value.Length > 16 ? value[..16] + "..." : value;

    [GeneratedRegex(@"\d{2}_[A-Z]{3}_\d{4}_GST_\d{2}_\d{2}_\d{2}", RegexOptions.IgnoreCase)]
    private static partial Regex StartPattern();
}
