using System.IO.Compression;
using System.Text;

namespace GeoEdge.Drivers.Gnss.Galileo;

/// <summary>
/// Reads a recording file, plain or gzip'd (told by the gzip magic, not the name), refusing to
/// inflate past a limit (a hostile .gz must not be able to exhaust memory) and refusing a .gz whose
/// inflated content does not match its trailer (a truncated download must not pass for a whole one).
/// </summary>
internal static class BoundedFileContent
{
    public static byte[] Read(string path, long maxBytes)
    {
        using var file = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[2];
        var gzip = file.Read(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        file.Position = 0;
        using Stream content = gzip ? new GZipStream(file, CompressionMode.Decompress, leaveOpen: true) : file;
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        try
        {
            int read;
            while ((read = content.Read(buffer)) > 0)
            {
                if (copy.Length + read > maxBytes)
                    throw new GalileoRecordingException(path, $"larger than {maxBytes / (1024 * 1024)} MiB {(gzip ? "once inflated" : "")}".TrimEnd());
                copy.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException e)
        {
            throw new GalileoRecordingException(path, $"broken gzip stream: {e.Message}");
        }
        var bytes = copy.ToArray();
        if (gzip) GzipTrailer.Check(path, file, bytes);
        return bytes;
    }

    public static string ReadText(string path, long maxBytes) => Encoding.ASCII.GetString(Read(path, maxBytes));
}
