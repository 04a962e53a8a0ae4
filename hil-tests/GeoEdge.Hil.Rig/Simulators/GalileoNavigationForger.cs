using GeoEdge.Drivers.Gnss.Galileo;
using GeoEdge.Drivers.Gnss.Ubx;

namespace GeoEdge.Hil.Rig.Simulators;

/// <summary>
/// A spoofer that forges ephemeris but not authentication: in every page carrying word type 1-4 it
/// inverts page bits 40..47 (inside M0, OMEGA0, OMEGAdot/delta-n or Cis: orbit data, never the word
/// type or IODnav) and recomputes the CRC, so the page passes every check a receiver makes on its
/// own, and only OSNMA's tags over that data can tell.
/// </summary>
public static class GalileoNavigationForger
{
    private const int ForgedByte = 5;

    public static bool Alters(GalileoPage page) =>
        page.Bits.Length == GalileoInavPage.PageByteLength && GalileoInavPage.FromPageBytes(page.Bits.Span).WordType is >= 1 and <= 4;

    /// <summary>The page with forged ephemeris and a matching CRC; pages without ephemeris come back unchanged.</summary>
    public static GalileoPage Forge(GalileoPage page)
    {
        if (!Alters(page)) return page;
        var bits = page.Bits.ToArray();
        bits[ForgedByte] ^= 0xFF;
        return page with { Bits = GalileoInavPage.FromPageBytes(bits).WithRecomputedCrc().PageBytes.ToArray() };
    }
}
