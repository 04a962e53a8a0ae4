using System.IO.Compression;
using GeoEdge.Drivers.Gnss.Ubx;

namespace GeoEdge.Drivers.Gnss.Galileo;

/// <summary>
/// Writes Galileo pages as a u-blox receiver would send them: per 2-second slot one valid
/// UBX-NAV-TIMEGAL at the slot's end (start + 2 s, when the pages are complete), one UBX-RXM-SFRBX
/// per page, then whatever <see cref="UbxSlotExtras"/> adds. <see cref="UbxRecording"/> reads this
/// back to the same pages, which is what makes a test-vector scenario replayable over a serial line.
/// </summary>
public static class UbxRecordingWriter
{
    /// <summary>TIMEGAL valid flags: galTowValid | galWnoValid | leapSValid.</summary>
    private const byte AllValid = 0x7;
    /// <summary>A time accuracy a receiver with a good Galileo fix reports, in ns.</summary>
    private const uint TimeAccuracyNs = 20;

    /// <summary>The receiver epoch of a slot: its end, in milliseconds of the GPS (= GST) week.</summary>
    public static uint ITowOf(GalileoPageSlot slot) => (uint)slot.End.TimeOfWeek * 1000;

    /// <summary>The frames of one slot, concatenated.</summary>
    /// <exception cref="ArgumentException">A page starts on an even second (the time rule assumes odd starts) or its bits are not a 240-bit page.</exception>
    public static byte[] EncodeSlot(GalileoPageSlot slot, UbxSlotExtras? extras = null)
    {
        ArgumentNullException.ThrowIfNull(slot);
        if (slot.Start.TimeOfWeek % 2 != 1)
            throw new ArgumentException($"page slot {slot.Start} starts on an even second; I/NAV E1-B pages start on odd TOWs", nameof(slot));
        var iTow = ITowOf(slot);
        var end = slot.End;
        using var output = new MemoryStream();
        var time = new UbxNavTimeGal(iTow, (uint)end.TimeOfWeek, 0, (short)end.WeekNumber, GalileoSystemTime.CurrentLeapSeconds, AllValid, TimeAccuracyNs);
        output.Write(UbxWriter.Frame(UbxNavTimeGal.Class, UbxNavTimeGal.Id, time.Encode()));
        for (var i = 0; i < slot.Pages.Count; i++)
        {
            var page = slot.Pages[i];
            if (page.Start != slot.Start) throw new ArgumentException($"E{page.Svid:00} page at {page.Start} is not in the slot at {slot.Start}", nameof(slot));
            var sfrbx = GalileoInavPage.FromPageBytes(page.Bits.Span).ToSfrbx((byte)page.Svid, (byte)page.Signal, (byte)i);
            output.Write(UbxWriter.Frame(UbxRxmSfrbx.Class, UbxRxmSfrbx.Id, sfrbx.Encode()));
        }
        foreach (var frame in extras?.Invoke(slot, iTow) ?? [])
            output.Write(UbxWriter.Frame(frame.Class, frame.Id, frame.Payload));
        return output.ToArray();
    }

    public static void Write(Stream output, IEnumerable<GalileoPage> pages, UbxSlotExtras? extras = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        foreach (var slot in GalileoPageSlot.Group(pages)) output.Write(EncodeSlot(slot, extras));
    }

    /// <summary>Writes a capture file; gzip'd when <paramref name="gzip"/> says so, or by default when the name ends in ".gz".</summary>
    public static void WriteFile(string path, IEnumerable<GalileoPage> pages, bool? gzip = null, UbxSlotExtras? extras = null)
    {
        using var file = File.Create(path);
        using Stream output = gzip ?? path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(file, CompressionLevel.Optimal)
            : file;
        Write(output, pages, extras);
    }
}
