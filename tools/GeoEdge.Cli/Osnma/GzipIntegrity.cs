using System.IO.Compression;
using GeoEdge.Drivers.Gnss.Galileo;

namespace GeoEdge.Cli.Osnma;

/// <summary>
/// Checks a .gz recording against its own trailer (RFC 1952: CRC-32 and length of the inflated data, mod 2^32)
/// before it is read. .NET's GZipStream simply stops at the end of a truncated file, so without this a capture
/// cut short would be verified as if it were whole, or fail later with a message about a short CSV row.
/// One member only: a file of concatenated .gz members is refused with a message saying so.
/// </summary>
public static class GzipIntegrity
{
    private const int TrailerBytes = 8;
    private static readonly uint[] Table = BuildTable();

    public static bool IsGzip(string path)
    {
        using var file = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[2];
        return file.Read(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    }

    /// <exception cref="GalileoRecordingException">The stream is broken, truncated, longer than <paramref name="maxInflatedBytes"/>, or does not match its trailer.</exception>
    public static void Check(string path, long maxInflatedBytes)
    {
        using var file = File.OpenRead(path);
        if (file.Length < 18) throw new GalileoRecordingException(path, "truncated gzip file (shorter than a gzip header and trailer)");
        Span<byte> trailer = stackalloc byte[TrailerBytes];
        file.Seek(-TrailerBytes, SeekOrigin.End);
        file.ReadExactly(trailer);
        var expectedCrc = BitConverter.ToUInt32(trailer[..4]);
        var expectedLength = BitConverter.ToUInt32(trailer[4..]);
        file.Position = 0;

        var crc = 0xFFFFFFFFu;
        long length = 0;
        var buffer = new byte[81920];
        try
        {
            using var inflating = new GZipStream(file, CompressionMode.Decompress);
            int read;
            while ((read = inflating.Read(buffer)) > 0)
            {
                length += read;
                if (length > maxInflatedBytes) throw new GalileoRecordingException(path, $"larger than {maxInflatedBytes / (1024 * 1024)} MiB once inflated");
                foreach (var b in buffer.AsSpan(0, read)) crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
            }
        }
        catch (InvalidDataException e)
        {
            throw new GalileoRecordingException(path, $"broken gzip stream: {e.Message}");
        }
        if ((uint)length != expectedLength || ~crc != expectedCrc)
            throw new GalileoRecordingException(path,
                $"truncated or corrupt gzip file: {length} bytes inflate, but its trailer promises {expectedLength} bytes with CRC-32 {expectedCrc:x8} (a file of several gzip members is not supported: gunzip it first)");
    }

    /// <summary>The CRC-32 of gzip (reflected polynomial 0xEDB88320).</summary>
    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
