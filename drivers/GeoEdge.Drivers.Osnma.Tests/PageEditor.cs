using GeoEdge.Drivers.Gnss.Galileo;
using GeoEdge.Drivers.Gnss.Ubx;

namespace GeoEdge.Drivers.Osnma.Tests;

/// <summary>Edits page bits the way an attacker would, then fixes the CRC so that only the cryptography can notice.</summary>
internal static class PageEditor
{
    public static int Bit(ReadOnlySpan<byte> page, int bit) => (page[bit >> 3] >> (7 - (bit & 7))) & 1;

    public static GalileoPage Edit(GalileoPage page, Action<byte[]> edit)
    {
        var bytes = page.Bits.ToArray();
        edit(bytes);
        FixCrc(bytes);
        return page with { Bits = bytes };
    }

    public static void Flip(byte[] page, int bit) => page[bit >> 3] ^= (byte)(0x80 >> (bit & 7));

    public static void Write(byte[] page, int start, int count, ulong value)
    {
        for (var i = 0; i < count; i++)
        {
            var bit = start + i;
            var mask = (byte)(0x80 >> (bit & 7));
            if (((value >> (count - 1 - i)) & 1) != 0) page[bit >> 3] |= mask;
            else page[bit >> 3] &= (byte)~mask;
        }
    }

    /// <summary>Word type of the page: the first 6 bits of the word, page bits 2..7.</summary>
    public static int WordType(GalileoPage page) => page.Bits.Span[0] & 0x3F;

    private static void FixCrc(byte[] page)
    {
        var crc = Crc24Q.Append(Crc24Q.Append(0, page, 0, 114), page, 120, 82);
        Write(page, 202, 24, crc);
    }
}
