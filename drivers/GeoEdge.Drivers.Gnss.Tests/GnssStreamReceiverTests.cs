using System.Collections.Concurrent;
using GeoEdge.Drivers.Gnss.Galileo;
using GeoEdge.Drivers.Gnss.Ubx;
using static GeoEdge.Drivers.Gnss.Tests.Galileo.UbxTestFrames;

namespace GeoEdge.Drivers.Gnss.Tests;

/// <summary>The receiver's message handling, fed bytes directly; the pty path is in UbxSimulatorEndToEndTests.</summary>
public sealed class GnssStreamReceiverTests
{
    private readonly ConcurrentQueue<string> _log = new();
    private readonly List<GalileoPage> _pages = [];

    private static readonly byte[] Gga = System.Text.Encoding.ASCII.GetBytes(
        $"$GNGGA,050003.00,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*{Nmea.NmeaChecksum.Compute("GNGGA,050003.00,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,"):X2}\r\n");

    private GnssStreamReceiver NewReceiver(Action<GalileoPage>? onPage = null) =>
        new("/dev/null", 115200, onPage ?? _pages.Add, _log.Enqueue);

    [Fact]
    public void Status_messages_update_the_state_and_nmea_feeds_the_tracker()
    {
        var receiver = NewReceiver();
        var pvt = new UbxNavPvt(1000, 2023, 8, 16, 5, 0, 3, 7, 20, 0, 3, 1, 0, 9, 115_167_000, 481_173_000, 592_400, 545_400, 2500, 3750);
        var sat = new UbxNavSat(1000, 1, [new(UbxGnssId.Galileo, 19, 40, 30, 100, 0, UbxNavSatSatellite.MakeFlags(7, true, 1)),
            new(UbxGnssId.Galileo, 4, 40, 30, 100, 0, UbxNavSatSatellite.MakeFlags(7, true, 1)),
            new(UbxGnssId.Galileo, 20, 40, 30, 100, 0, UbxNavSatSatellite.MakeFlags(7, false, 1)),
            new(UbxGnssId.Gps, 7, 40, 30, 100, 0, UbxNavSatSatellite.MakeFlags(7, true, 1))]);
        var sec = new UbxSecSig(2, true, 2, true, 3, [new(1_575_420, true)]);
        receiver.Feed([
            .. UbxWriter.Frame(UbxNavPvt.Class, UbxNavPvt.Id, pvt.Encode()),
            .. Gga,
            .. UbxWriter.Frame(UbxNavSat.Class, UbxNavSat.Id, sat.Encode()),
            .. UbxWriter.Frame(UbxSecSig.Class, UbxSecSig.Id, sec.Encode()),
            .. UbxWriter.Frame(UbxMonHw.Class, UbxMonHw.Id, new UbxMonHw(4000, 3 << 2, 201).Encode()),
            .. UbxWriter.Frame(UbxNavStatus.Class, UbxNavStatus.Id, new UbxNavStatus(1000, 3, 0x0D, 0, 2 << 3, 0, 0).Encode()),
        ]);

        var state = receiver.State;
        Assert.Equal(pvt, state.Pvt);
        Assert.Equal([4, 19], state.GalileoSvidsUsed);
        Assert.Equal(3, state.SatellitesUsed.Count);
        Assert.Equal(3, state.Security!.SpoofingState);
        Assert.Equal(2, state.Security.JammingState);
        Assert.Equal(201, state.Hardware!.JamInd);
        Assert.Equal(3, state.Hardware.JammingState);
        Assert.Equal(2, state.NavStatus!.SpoofDetState);
        Assert.Equal(48.1173, receiver.Tracker.Latest!.Latitude!.Value, 4);
        Assert.Equal(0, receiver.Tracker.TotalRejected);
        Assert.Equal(5, receiver.Statistics.UbxFrames);
        Assert.Equal(1, receiver.Statistics.NmeaLines);
    }

    [Fact]
    public void A_malformed_status_message_is_counted_and_keeps_the_previous_state()
    {
        var receiver = NewReceiver();
        var good = new UbxMonHw(1, 0, 7);
        receiver.Feed(UbxWriter.Frame(UbxMonHw.Class, UbxMonHw.Id, good.Encode()));
        receiver.Feed(UbxWriter.Frame(UbxMonHw.Class, UbxMonHw.Id, new byte[59]));
        receiver.Feed(UbxWriter.Frame(UbxNavPvt.Class, UbxNavPvt.Id, new byte[84])); // an old, shorter NAV-PVT
        receiver.Feed(UbxWriter.Frame(UbxSecSig.Class, UbxSecSig.Id, [9, 0, 0, 0]));

        Assert.Equal(good, receiver.State.Hardware);
        Assert.Null(receiver.State.Pvt);
        Assert.Equal(3, receiver.Statistics.MalformedUbxMessages);
        Assert.Contains("UBX-SEC-SIG", receiver.LastUbxError);
    }

    [Fact]
    public void Pages_reach_the_callback_in_order_and_a_throwing_callback_does_not_stop_them()
    {
        var delivered = new List<GalileoPage>();
        var receiver = NewReceiver(page =>
        {
            delivered.Add(page);
            if (delivered.Count == 2) throw new InvalidOperationException("verifier bug");
        });
        var expected = Configuration1.Take(26 * 2).ToArray();
        foreach (var slot in GalileoPageSlot.Group(expected)) receiver.Feed(UbxRecordingWriter.EncodeSlot(slot));

        Assert.Equal(expected.Select(p => (p.Svid, p.Start)), delivered.Select(p => (p.Svid, p.Start)));
        Assert.Equal(1, receiver.Statistics.PageCallbackFailures);
        Assert.Equal(52, receiver.Statistics.PagesDelivered);
        Assert.Contains(_log, l => l.Contains("verifier bug") && l.Contains($"E{expected[1].Svid:00}"));
        Assert.Equal((uint)expected[^1].Start.TimeOfWeek + 2, receiver.State.GalileoTime!.GalTow);
    }

    [Fact]
    public void Garbage_gps_subframes_and_cut_frames_are_counted_never_thrown()
    {
        var receiver = NewReceiver();
        var slot = GalileoPageSlot.Group(Configuration1).First();
        var gps = new UbxRxmSfrbx(UbxGnssId.Gps, 5, 0, 0, 1, 2, new uint[10]);
        var random = new byte[2000];
        new Random(7).NextBytes(random);
        receiver.Feed(random);
        receiver.Feed(UbxWriter.Frame(UbxRxmSfrbx.Class, UbxRxmSfrbx.Id, gps.Encode()));
        var bytes = UbxRecordingWriter.EncodeSlot(slot);
        receiver.Feed(bytes.AsSpan(0, bytes.Length - 30)); // the last SFRBX is cut short ...
        receiver.Feed(UbxRecordingWriter.EncodeSlot(GalileoPageSlot.Group(Configuration1).Skip(1).First())); // ... and the next slot follows

        var stats = receiver.Statistics;
        Assert.Equal(1, stats.PageRejections[GalileoPageRejection.NotGalileo]);
        Assert.True(stats.DiscardedBytes > 0);
        Assert.Equal(25 + 26, _pages.Count);
        Assert.Equal(slot.Pages.SkipLast(1).Select(p => (p.Svid, p.Start)), _pages.Take(25).Select(p => (p.Svid, p.Start)));
    }
}
