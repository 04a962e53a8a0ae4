using GeoEdge.Drivers.Osnma.Trust;
namespace GeoEdge.Drivers.Osnma;

/// <summary>A DSM-KROOT given out of band, with the NMA header it was broadcast with (its signature covers that header).</summary>
public sealed record OsnmaKrootAnchor(byte NmaHeader, byte[] Dsm);

/// <summary>Reads OSNMA_start_KROOT.txt: line 1 the DSM-KROOT in hex, line 2 the NMA header (one byte, hex).</summary>
public static class OsnmaStartKrootFile
{
    public const int MaxFileBytes = 4096;

    public static OsnmaKrootAnchor Read(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new OsnmaFormatException(path, "file does not exist");
        if (info.Length > MaxFileBytes) throw new OsnmaFormatException(path, $"{info.Length} bytes is too large for a DSM-KROOT");
        var lines = File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
        if (lines.Length != 2) throw new OsnmaFormatException(path, $"expected 2 lines (DSM-KROOT, NMA header), found {lines.Length}");
        var dsm = OsnmaXml.Hex(path, lines[0], "DSM-KROOT", 0);
        if (dsm.Length is < 91 or > 182 || dsm.Length % 13 != 0)
            throw new OsnmaFormatException(path, $"a DSM-KROOT is 7 to 14 blocks of 13 bytes, line 1 has {dsm.Length} bytes");
        var header = OsnmaXml.Hex(path, lines[1], "NMA header", 1);
        return new OsnmaKrootAnchor(header[0], dsm);
    }
}
