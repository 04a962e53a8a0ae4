using GeoEdge.Drivers.Gnss.Ubx;

namespace GeoEdge.Drivers.Osnma.Simulator;

/// <summary>
/// One nominal E1-B page (240 bits, GalileoInavPage layout): even half = even/odd 0, page type 0, word bits 0..111,
/// tail; odd half = even/odd 1, page type 0, word bits 112..127, OSNMA (HKROOT 8 + MACK 32), SAR 22 and spare 2
/// (zero), CRC-24Q over bits 0..113 and 120..201, SSP 8 (zero), tail. Tail bits are zero as on the air.
/// </summary>
public static class InavPageEncoder
{
    public static byte[] Encode(ReadOnlySpan<byte> word, byte hkroot, uint mack)
    {
        if (word.Length != InavWordFields.WordBytes)
            throw new ArgumentException($"an I/NAV word is {InavWordFields.WordBytes} bytes, got {word.Length}", nameof(word));
        var page = new byte[GalileoInavPage.PageByteLength];
        var w = new MsbBitWriter(page);
        w.Write(0, 1).Write(0, 1).WriteBits(word, 0, 112).Write(0, 6);
        w.Write(1, 1).Write(0, 1).WriteBits(word, 112, 16).Write(hkroot, 8).Write(mack, 32).Write(0, 22).Write(0, 2);
        var crc = Crc24Q.Append(Crc24Q.Append(0, page, 0, 114), page, 120, 82);
        w.Write(crc, 24).Write(0, 8).Write(0, 6);
        return page;
    }

    /// <summary>The 128-bit word back out of a page (bits 2..113 ++ 122..137).</summary>
    public static byte[] Word(ReadOnlySpan<byte> page)
    {
        if (page.Length != GalileoInavPage.PageByteLength) throw new ArgumentException("a page is 30 bytes", nameof(page));
        var w = new MsbBitWriter(InavWordFields.WordBits);
        w.WriteBits(page, 2, 112).WriteBits(page, 122, 16);
        return w.Buffer;
    }
}
