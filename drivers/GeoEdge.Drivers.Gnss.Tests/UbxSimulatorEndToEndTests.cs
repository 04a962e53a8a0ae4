using System.Collections.Concurrent;
using GeoEdge.Drivers.Gnss.Galileo;
using GeoEdge.Drivers.Serial;
using GeoEdge.Hil.Rig.Processes;
using GeoEdge.Hil.Rig.Serial;
using GeoEdge.Hil.Rig.Simulators;
using static GeoEdge.Drivers.Gnss.Tests.Galileo.UbxTestFrames;

namespace GeoEdge.Drivers.Gnss.Tests;

/// <summary>
/// UbxGnssSimulator (configuration_1, 20x: a page slot every 100 ms) -> socat pty pair ->
/// GnssStreamReceiver: pages, position, used satellites and security flags over a real serial line.
/// </summary>
public sealed class UbxSimulatorEndToEndTests : IAsyncLifetime
{
    private const double SpeedFactor = 20;
    private const int SatellitesPerSlot = 26;
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(15);
    private static readonly int[] GpsSvids = [2, 5, 12];

    private readonly RigDirectory _directory = new("ubx-e2e");
    private readonly ConcurrentQueue<string> _log = new();
    private readonly ConcurrentQueue<GalileoPage> _pages = new();
    private readonly CancellationTokenSource _stop = new();
    private PtyPair _pair = null!;
    private UbxGnssSimulator _simulator = null!;
    private GnssStreamReceiver _receiver = null!;
    private Task _receiving = Task.CompletedTask;

    public async Task InitializeAsync()
    {
        _pair = await PtyPair.StartAsync(_directory.Path, "ubx");
        _receiver = new GnssStreamReceiver(_pair.DevicePath, 115200, _pages.Enqueue, _log.Enqueue,
            new SerialByteSourceOptions { InitialBackoff = TimeSpan.FromMilliseconds(50), MaxBackoff = TimeSpan.FromMilliseconds(400) });
        _receiving = _receiver.RunAsync(_stop.Token);
        // The receiver flushes what arrived before it opened: let it open first so that it sees slot 0.
        await WaitForAsync(() => _receiver.Source.IsConnected ? "" : null, "the receiver to open the device");
        _simulator = new UbxGnssSimulator(_pair.SimulatorPath, Configuration1,
            new UbxGnssSimulatorOptions { SpeedFactor = SpeedFactor, EmitNmea = true, GpsSvids = GpsSvids }, _log.Enqueue);
        await _simulator.StartAsync();
    }

    public async Task DisposeAsync()
    {
        _stop.Cancel();
        try { await _receiving; }
        catch (OperationCanceledException) { }
        await _simulator.DisposeAsync();
        _pair.Dispose();
        _directory.Dispose();
        _stop.Dispose();
    }

    [Fact]
    public async Task The_receiver_gets_exactly_the_scenario_pages_in_order_with_their_gst()
    {
        const int slots = 15;
        await WaitForAsync(() => _pages.Count >= slots * SatellitesPerSlot ? "" : null, $"{slots} slots of pages");

        var expected = Configuration1.Take(slots * SatellitesPerSlot).Select(Key);
        Assert.Equal(expected, _pages.Take(slots * SatellitesPerSlot).Select(Key));
        Assert.Equal(new GalileoSystemTime(1251, 277201), _simulator.ScenarioStart);
        Assert.True(_simulator.CurrentSlotStart >= _simulator.ScenarioStart.AddSeconds(2 * (slots - 1)));
        var stats = _receiver.Statistics;
        Assert.Equal(0, stats.PagesWithBadCrc);
        Assert.Equal(0, stats.MalformedUbxMessages);
        Assert.Equal(0, stats.PageRejections.Values.Sum());
        Assert.Equal(0, stats.DiscardedBytes);
    }

    [Fact]
    public async Task Position_used_satellites_and_the_nmea_fix_arrive()
    {
        _simulator.SetPosition(-33.856784, 151.215297, 59.5, horizontalAccuracyMeters: 1.25);
        var pvt = await WaitForAsync(() => _receiver.State.Pvt is { LatE7: -338_567_840 } p ? p : null, "the new NAV-PVT position");

        Assert.Equal(1_512_152_970, pvt.LonE7);
        Assert.Equal(59_500, pvt.HeightMm);
        Assert.Equal(1_250u, pvt.HAccMm);
        Assert.Equal(3, pvt.FixType);
        var state = _receiver.State;
        // E20 carries only dummy words in the test vectors: by default it is tracked but not used.
        Assert.Equal(_simulator.SatellitesWithData, state.GalileoSvidsUsed);
        Assert.DoesNotContain(20, state.GalileoSvidsUsed);
        Assert.Contains(state.Satellites!.Satellites, s => s.GnssId == 2 && s.SvId == 20 && !s.SvUsed);
        Assert.Equal(GpsSvids, state.SatellitesUsed.Where(s => s.GnssId == 0).Select(s => (int)s.SvId));

        var fix = await WaitForAsync(() => _receiver.Tracker.Latest is { Latitude: < -33 } f ? f : null, "the NMEA fix");
        Assert.Equal(151.215297, fix.Longitude!.Value, 5);
        Assert.Equal(59.5 - SimulatedReceiverSettings.GeoidSeparationMeters, fix.AltitudeMsl!.Value, 1);

        _simulator.SetGalileoUsed([4, 11, 19]);
        await WaitForAsync(() => _receiver.State.GalileoSvidsUsed.SequenceEqual([4, 11, 19]) ? "" : null, "the smaller used set");
    }

    [Fact]
    public async Task Jamming_and_spoofing_verdicts_set_at_runtime_arrive()
    {
        var initial = await WaitForAsync(() => _receiver.State.Security, "a first SEC-SIG");
        Assert.Equal(1, initial.SpoofingState);

        _simulator.SetSpoofingState(3);
        _simulator.SetJammingState(2);
        _simulator.SetJamIndicator(222);
        var state = await WaitForAsync(() => _receiver.State is { Security.SpoofingState: 3, Hardware.JamInd: 222 } s ? s : null, "the spoofing verdict");

        Assert.Equal(2, state.Security!.JammingState);
        Assert.True(state.Security.SpfDetEnabled);
        Assert.True(Assert.Single(state.Security.CentFreqs).Jammed);
        Assert.Equal(2, state.Hardware!.JammingState);
        await WaitForAsync(() => _receiver.State.NavStatus is { SpoofDetState: 3 } ? "" : null, "NAV-STATUS spoofDetState");
    }

    [Fact]
    public async Task Forged_satellites_send_altered_ephemeris_that_still_passes_the_crc()
    {
        await WaitForAsync(() => _simulator.CurrentSlotStart is null ? null : "", "the first slot");
        _simulator.SetSpoofedSvids([11]);
        var from = _simulator.CurrentSlotStart!.Value.AddSeconds(4); // slots written from now on are forged
        var original = Configuration1.Where(p => p.Start >= from).Take(SatellitesPerSlot * 30).ToDictionary(p => (p.Svid, p.Start));
        var last = original.Keys.Max(k => k.Start);
        await WaitForAsync(() => _pages.Any(p => p.Start >= last) ? "" : null, "30 forged slots");

        var received = _pages.Where(p => original.ContainsKey((p.Svid, p.Start))).ToArray();
        Assert.All(received, p => Assert.True(p.HasValidCrc(), $"E{p.Svid} {p.Start}"));
        var e11 = received.Where(p => p.Svid == 11).ToArray();
        var altered = e11.Where(p => !p.Bits.Span.SequenceEqual(original[(p.Svid, p.Start)].Bits.Span)).ToArray();
        Assert.NotEmpty(altered);
        Assert.All(altered, p => Assert.True(GalileoNavigationForger.Alters(original[(p.Svid, p.Start)])));
        Assert.Equal(e11.Count(p => GalileoNavigationForger.Alters(original[(p.Svid, p.Start)])), altered.Length);
        Assert.All(received.Where(p => p.Svid != 11), p => Assert.True(p.Bits.Span.SequenceEqual(original[(p.Svid, p.Start)].Bits.Span)));
    }

    [Fact]
    public async Task After_the_pty_pair_restarts_pages_resume_with_the_right_gst()
    {
        await WaitForAsync(() => _pages.Count >= 3 * SatellitesPerSlot ? "" : null, "the first pages");
        _pair.Stop();
        await WaitForAsync(() => _receiver.Source.IsConnected ? null : "", "the receiver to notice the device is gone");
        await _pair.StartAgainAsync();
        var resumedAfter = _pages.Count;
        await WaitForAsync(() => _pages.Count >= resumedAfter + 5 * SatellitesPerSlot ? "" : null, "pages after the restart");

        var byKey = Configuration1.ToDictionary(p => (p.Svid, p.Start));
        Assert.All(_pages, p => Assert.True(byKey.TryGetValue((p.Svid, p.Start), out var o) && o.Bits.Span.SequenceEqual(p.Bits.Span),
            $"E{p.Svid} at {p.Start} does not match the scenario"));
        Assert.Equal(1, _receiver.Source.Reconnects);
        Assert.True(_simulator.Reopens >= 1, "the simulator never reopened its side");
    }

    private static (int, GalileoSystemTime, GalileoSignal, string) Key(GalileoPage p) => (p.Svid, p.Start, p.Signal, Convert.ToHexString(p.Bits.Span));

    private Task<T> WaitForAsync<T>(Func<T?> probe, string what) where T : class =>
        Polling.UntilAsync(probe, what, StepTimeout, () => $"pages {_pages.Count}, statistics {_receiver.Statistics}, " +
            $"simulator slots {_simulator?.SlotsSent}, dropped {_simulator?.SlotsDropped}; log:\n{string.Join('\n', _log)}");
}
