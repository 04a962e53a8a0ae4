using GeoEdge.Drivers.Gnss.Ubx;

namespace GeoEdge.Drivers.Gnss.Galileo;

/// <summary>CRC access for pages, so that consumers count CRC failures without re-deriving the layout.</summary>
public static class GalileoPageCrc
{
    /// <summary>Whether the page's CRC-24Q holds; false also for bits that are not a 240-bit page.</summary>
    public static bool HasValidCrc(this GalileoPage page) =>
        page.Bits.Length == GalileoInavPage.PageByteLength && GalileoInavPage.FromPageBytes(page.Bits.Span).CrcIsValid;
}
