namespace GeoEdge.Drivers.Gnss.Galileo;

/// <summary>
/// A gzip file's own trailer (RFC 1952: CRC-32 and length of the inflated data, mod 2^32) checked against what
/// inflated. .NET's GZipStream simply stops at the end of a truncated file, so without this a recording cut short
/// would be read as if it were whole. One member only: a file of concatenated members fails the check, saying so.
/// </summary>
internal static class GzipTrailer
{
    private const int TrailerBytes = 8;
    private static readonly uint[] Table = BuildTable();

    /// <exception cref="GalileoRecordingException">the inflated data does not match the trailer.</exception>
    public static void Check(string path, Stream file, ReadOnlySpan<byte> inflated)
    {
        if (file.Length < 18) throw new GalileoRecordingException(path, "truncated gzip file (shorter than a gzip header and trailer)");
        Span<byte> trailer = stackalloc byte[TrailerBytes];
        file.Seek(-TrailerBytes, SeekOrigin.End);
        file.ReadExactly(trailer);
        var expectedCrc = BitConverter.ToUInt32(trailer[..4]);
        var expectedLength = BitConverter.ToUInt32(trailer[4..]);
        var crc = 0xFFFFFFFFu;
        foreach (var b in inflated) crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        if ((uint)inflated.Length != expectedLength || ~crc != expectedCrc)
            throw new GalileoRecordingException(path,
                $"truncated or corrupt gzip file: {inflated.Length} bytes inflate, but its trailer promises {expectedLength} bytes with CRC-32 {expectedCrc:x8} (a file of several gzip members is not supported: gunzip it first)");
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
