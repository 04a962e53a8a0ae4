using GeoEdge.Drivers.Gnss.Galileo;
using GeoEdge.Drivers.Gnss.Ubx;
using GeoEdge.Hil.Rig.Composition;

namespace GeoEdge.Drivers.Gnss.Tests.Galileo;

/// <summary>Frames and pages the UBX/Galileo tests build on: real configuration_1 pages, TIMEGAL and SFRBX builders.</summary>
internal static class UbxTestFrames
{
    public static readonly string Configuration1Csv =
        Directory.GetFiles(Path.Combine(RepoPaths.SharedTestData, "osnma", "configuration_1"), "*.csv.gz").Single();

    private static readonly Lazy<IReadOnlyList<GalileoPage>> Configuration1Pages = new(() => OsnmaTestVectorFile.Read(Configuration1Csv));

    /// <summary>All 46,800 pages of configuration_1 (read once per test run).</summary>
    public static IReadOnlyList<GalileoPage> Configuration1 => Configuration1Pages.Value;

    public static GalileoPage RealPage(int index = 0) => Configuration1[index];

    public static UbxFrame TimeGal(GalileoSystemTime time, int fractionNs = 0, byte valid = 0x7, uint? iTowMs = null) =>
        new(UbxNavTimeGal.Class, UbxNavTimeGal.Id,
            new UbxNavTimeGal(iTowMs ?? (uint)time.TimeOfWeek * 1000, (uint)time.TimeOfWeek, fractionNs, (short)time.WeekNumber, 18, valid, 20).Encode());

    public static UbxFrame Sfrbx(GalileoPage page, byte? gnssId = null, byte? sigId = null, byte? svId = null)
    {
        var sfrbx = GalileoInavPage.FromPageBytes(page.Bits.Span).ToSfrbx(svId ?? (byte)page.Svid, sigId ?? (byte)page.Signal);
        if (gnssId is { } g) sfrbx = sfrbx with { GnssId = g };
        return new UbxFrame(UbxRxmSfrbx.Class, UbxRxmSfrbx.Id, sfrbx.Encode());
    }

    public static UbxFrame NavStatusAt(uint iTowMs) =>
        new(UbxNavStatus.Class, UbxNavStatus.Id, new UbxNavStatus(iTowMs, 3, 0x0D, 0, 0, 0, iTowMs).Encode());

    public static byte[] Bytes(UbxFrame frame) => UbxWriter.Frame(frame.Class, frame.Id, frame.Payload);
}
