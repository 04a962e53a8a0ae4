using System.Diagnostics;
using GeoEdge.Drivers.Gnss.Galileo;
using GeoEdge.Drivers.Gnss.Ubx;
using GeoEdge.Drivers.Serial;
using GeoEdge.Hil.Rig.Processes;
using GeoEdge.Hil.Rig.Serial;
using GeoEdge.Hil.Rig.Simulators;
using static GeoEdge.Drivers.Gnss.Tests.Galileo.UbxTestFrames;

namespace GeoEdge.Drivers.Gnss.Tests;

public sealed class UbxGnssSimulatorTests
{
    private static IReadOnlyList<GalileoPage> FirstSlots(int slots) => Configuration1.Take(26 * slots).ToArray();

    [Fact]
    public void The_forger_changes_orbit_bits_only_and_keeps_the_crc_valid()
    {
        var ephemeris = Configuration1.Where(GalileoNavigationForger.Alters).Take(600).ToArray();
        Assert.Equal([1, 2, 3, 4], ephemeris.Select(p => GalileoInavPage.FromPageBytes(p.Bits.Span).WordType).Distinct().Order());
        foreach (var page in ephemeris)
        {
            var forged = GalileoNavigationForger.Forge(page);
            var a = page.Bits.Span;
            var b = forged.Bits.Span;
            Assert.True(forged.HasValidCrc());
            Assert.False(a.SequenceEqual(b));
            Assert.True(a[..5].SequenceEqual(b[..5]), "word type and IODnav (bits 2..17) must not change");
            Assert.True(a[6..25].SequenceEqual(b[6..25]), "only byte 5 and the CRC may change");
            Assert.Equal((page.Svid, page.Start, page.Signal), (forged.Svid, forged.Start, forged.Signal));
        }
        var other = Configuration1.First(p => !GalileoNavigationForger.Alters(p));
        Assert.Same(other, GalileoNavigationForger.Forge(other));
    }

    [Fact]
    public void Satellites_with_data_leave_out_the_dummy_only_e20()
    {
        var simulator = new UbxGnssSimulator("/dev/null", FirstSlots(30));
        Assert.DoesNotContain(20, simulator.SatellitesWithData);
        Assert.Equal(25, simulator.SatellitesWithData.Count);
        Assert.Equal(simulator.SatellitesWithData, simulator.Settings.GalileoUsed.Order());
        Assert.Equal(30, simulator.SlotCount);
        Assert.Equal(new GalileoSystemTime(1251, 277201 + 58), simulator.ScenarioEnd);
    }

    [Fact]
    public void Impossible_scenarios_and_settings_are_refused()
    {
        var pages = FirstSlots(2);
        Assert.Throws<ArgumentException>(() => new UbxGnssSimulator("/dev/null", []));
        Assert.Throws<ArgumentException>(() => new UbxGnssSimulator("/dev/null", pages.Reverse().ToArray()));
        Assert.Throws<ArgumentException>(() => new UbxGnssSimulator("/dev/null", pages.Select(p => p with { Start = p.Start.AddSeconds(1) }).ToArray()));
        Assert.Throws<ArgumentOutOfRangeException>(() => new UbxGnssSimulator("/dev/null", pages, new() { SpeedFactor = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new UbxGnssSimulator("/dev/null", pages, new() { GpsSvids = [33] }));
        var simulator = new UbxGnssSimulator("/dev/null", pages);
        Assert.Throws<ArgumentOutOfRangeException>(() => simulator.SetSpoofingState(4));
        Assert.Throws<ArgumentOutOfRangeException>(() => simulator.SetJammingState(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => simulator.SetSpoofedSvids([37]));
        Assert.Throws<ArgumentOutOfRangeException>(() => simulator.SetPosition(91, 0, 0));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task At_the_end_of_the_scenario_it_stops_or_loops(bool loop)
    {
        using var directory = new RigDirectory("ubx-sim-end");
        using var pair = await PtyPair.StartAsync(directory.Path, "ubx");
        var frames = new UbxFrameReader();
        var timeGals = new List<uint>();
        using var stop = new CancellationTokenSource();
        var source = new ReconnectingSerialByteSource(pair.DevicePath, 115200);
        var reading = source.RunAsync(bytes =>
        {
            foreach (var f in frames.Feed(bytes))
                if (f.Class == UbxNavTimeGal.Class && f.Id == UbxNavTimeGal.Id) lock (timeGals) timeGals.Add(UbxNavTimeGal.Decode(f.Payload).GalTow);
        }, null, stop.Token);
        await WaitForAsync(() => source.IsConnected);

        await using var simulator = new UbxGnssSimulator(pair.SimulatorPath, FirstSlots(4), new() { SpeedFactor = 100, Loop = loop });
        await simulator.StartAsync();
        if (loop) await WaitForAsync(() => simulator.Laps >= 2);
        else await WaitForAsync(() => simulator.IsFinished);
        await Task.Delay(100);

        uint first = 277_203;
        uint[] lap = [first, first + 2, first + 4, first + 6];
        lock (timeGals)
        {
            if (loop) Assert.Equal([.. lap, .. lap], timeGals.Take(8));
            else Assert.Equal(lap, timeGals);
        }
        if (loop) Assert.True(simulator.SlotsSent >= 8, $"{simulator.SlotsSent} slots sent");
        else Assert.Equal(4, simulator.SlotsSent);
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(10)) throw new Xunit.Sdk.XunitException("timed out");
            await Task.Delay(10);
        }
    }
}
