using GeoEdge.Drivers.Gnss.Ubx;
using GeoEdge.Drivers.Osnma.Bits;

namespace GeoEdge.Drivers.Osnma.Navigation;

/// <summary>
/// Fields of a 240-bit I/NAV nominal page (E1-B): even half bits 0..119, odd half 120..239. The 128-bit word is
/// bits 2..113 followed by 122..137; the OSNMA field is HKROOT 138..145 and MACK 146..177 (OS SIS ICD 4.3.2).
/// </summary>
internal static class InavPageBits
{
    public const int PageBytes = GalileoInavPage.PageByteLength;
    public const int WordBytes = 16;

    /// <summary>Even/odd bits must read 0 then 1, and both page-type bits 0 (nominal page, not an alert page).</summary>
    public static bool IsNominalPage(ReadOnlySpan<byte> page) =>
        OsnmaBits.Get(page, 0) == 0 && OsnmaBits.Get(page, 120) == 1 && OsnmaBits.Get(page, 1) == 0 && OsnmaBits.Get(page, 121) == 0;

    public static bool CrcIsValid(ReadOnlySpan<byte> page)
    {
        var computed = Crc24Q.Append(Crc24Q.Append(0, page, 0, 114), page, 120, 82);
        return computed == (uint)OsnmaBits.Read(page, 202, 24);
    }

    public static void ReadWord(ReadOnlySpan<byte> page, Span<byte> word)
    {
        OsnmaBits.Copy(page, 2, word, 0, 112);
        OsnmaBits.Copy(page, 122, word, 112, 16);
    }

    public static int WordType(ReadOnlySpan<byte> word) => word[0] >> 2;

    public static byte Hkroot(ReadOnlySpan<byte> page) => (byte)OsnmaBits.Read(page, 138, 8);

    public static uint Mack(ReadOnlySpan<byte> page) => (uint)OsnmaBits.Read(page, 146, 32);
}
