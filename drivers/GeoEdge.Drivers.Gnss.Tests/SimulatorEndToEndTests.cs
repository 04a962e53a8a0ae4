using System.Collections.Concurrent;
using GeoEdge.Drivers.Gnss.Nmea;
using GeoEdge.Drivers.Serial;
using GeoEdge.Hil.Rig.Processes;
using GeoEdge.Hil.Rig.Serial;
using GeoEdge.Hil.Rig.Simulators;

namespace GeoEdge.Drivers.Gnss.Tests;

/// <summary>
/// GnssSimulator -> socat pty pair -> ReconnectingSerialLineSource -> NmeaParser -> GnssFixTracker,
/// at 20 epochs per second so that every step takes a fraction of a second.
/// </summary>
public sealed class SimulatorEndToEndTests : IAsyncLifetime
{
    private static readonly TimeSpan FastEpochs = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(15);
    // The writer keeps 1e-5 arc minutes: 1.7e-7 degrees.
    private const double CoordinateTolerance = 1e-6;

    private readonly RigDirectory _directory = new("gnss-e2e");
    private readonly ConcurrentQueue<string> _log = new();
    private readonly CancellationTokenSource _stop = new();
    private PtyPair _pair = null!;
    private GnssSimulator _simulator = null!;
    private NmeaSerialReceiver _receiver = null!;
    private Task _receiving = Task.CompletedTask;

    public async Task InitializeAsync()
    {
        _pair = await PtyPair.StartAsync(_directory.Path, "gnss");
        _simulator = new GnssSimulator(_pair.SimulatorPath, FastEpochs, log: _log.Enqueue);
        await _simulator.StartAsync();
        _receiver = new NmeaSerialReceiver(_pair.DevicePath, 115200, _log.Enqueue,
            new SerialLineSourceOptions { InitialBackoff = TimeSpan.FromMilliseconds(50), MaxBackoff = TimeSpan.FromMilliseconds(400) });
        _receiving = _receiver.RunAsync(_stop.Token);
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
    public async Task The_tracker_reports_the_simulated_position_accuracy_and_sky()
    {
        await WaitForFixAsync(_simulator.Position);
        // The tracker publishes an epoch as its sentences arrive: GGA comes before RMC, so wait
        // for an epoch that has both rather than racing the RMC line.
        var fix = await WaitForAsync(() => tracker.Latest is { Status: not null } f ? f : null, "a fix with RMC status");

        var sky = _simulator.Sky;
        Assert.True(fix.IsValid);
        Assert.Equal(FixQuality.Gps, fix.Quality);
        Assert.Equal(RmcStatus.Active, fix.Status);
        Assert.Equal(_simulator.Position.Altitude, fix.AltitudeMsl!.Value, 1);
        Assert.Equal(sky.SatellitesUsed, fix.SatellitesUsed);
        Assert.Equal(sky.Hdop, fix.Hdop);
        Assert.Equal(sky.GeoidSeparation, fix.GeoidSeparation);
        Assert.NotNull(fix.UtcTime);
        Assert.InRange(fix.UtcTime!.Value, DateTime.UtcNow.AddSeconds(-30), DateTime.UtcNow.AddSeconds(1));

        // GST comes last in the simulator's epoch: wait for an epoch that has it.
        var withGst = await WaitForAsync(() => tracker.Latest is { Gst: not null } f ? f : null, "a fix with GST");
        Assert.Equal(sky.SigmaLatitude, withGst.Gst!.SigmaLatitude);
        Assert.Equal(sky.SigmaLongitude, withGst.Gst.SigmaLongitude);
        Assert.Equal(sky.SigmaAltitude, withGst.Gst.SigmaAltitude);
        Assert.Equal(sky.SigmaMajor, withGst.Gst.SigmaMajor);
        Assert.Equal(sky.Orientation, withGst.Gst.OrientationDegrees);

        var inView = await WaitForAsync(() => tracker.SatellitesInView.Count == sky.Gps.Count + sky.Galileo.Count ? tracker.SatellitesInView : null, "all satellites in view");
        Assert.Equal(sky.Galileo.Select(s => s.Prn), inView.Where(s => s.System == GnssSystemId.Galileo).Select(s => s.Prn));
        Assert.All(inView.Where(s => s.System == GnssSystemId.Gps), s => Assert.Equal(SimulatedSky.GpsL1Signal, s.SignalId));
        // The receiver may open the pty in the middle of a sentence: at most that one tail is rejected.
        Assert.InRange(tracker.TotalRejected, 0, 1);
    }

    [Fact]
    public async Task Moving_the_simulated_antenna_moves_the_fix()
    {
        await WaitForFixAsync(_simulator.Position);

        _simulator.SetPosition(-33.856784, 151.215297, 12.5);
        var fix = await WaitForFixAsync((-33.856784, 151.215297, 12.5));

        Assert.Equal(12.5, fix.AltitudeMsl!.Value, 1);
        Assert.True(fix.IsValid);
    }

    [Fact]
    public async Task Injected_garbage_is_counted_and_positions_keep_coming()
    {
        await WaitForFixAsync(_simulator.Position);
        var before = Enum.GetValues<NmeaErrorKind>().ToDictionary(k => k, tracker.Rejected);

        _simulator.InjectGarbage("\xb5\x62\x01\x07\x5c\x00 binary UBX\r\n"u8.ToArray());
        _simulator.InjectGarbage("$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*48\r\n"u8.ToArray());
        _simulator.InjectGarbage(System.Text.Encoding.ASCII.GetBytes($"$GPZZZ,1,2,3*{NmeaChecksum.Compute("GPZZZ,1,2,3"):X2}\r\n"));
        await WaitForAsync(() => tracker.TotalRejected >= before.Values.Sum() + 3 ? "" : null, "the garbage to be rejected");

        Assert.Equal(1, tracker.Rejected(NmeaErrorKind.NotNmea) - before[NmeaErrorKind.NotNmea]);
        Assert.Equal(1, tracker.Rejected(NmeaErrorKind.BadChecksum) - before[NmeaErrorKind.BadChecksum]);
        Assert.Equal(1, tracker.Rejected(NmeaErrorKind.UnknownSentence) - before[NmeaErrorKind.UnknownSentence]);
        _simulator.SetPosition(10.5, -20.25, 100);
        await WaitForFixAsync((10.5, -20.25, 100));
    }

    [Fact]
    public async Task After_the_pty_pair_restarts_both_ends_reconnect_and_fixes_resume()
    {
        await WaitForFixAsync(_simulator.Position);

        _pair.Stop();
        await WaitForAsync(() => _receiver.Source.IsConnected ? null : "", "the receiver to notice the device is gone");
        _simulator.SetPosition(52.520008, 13.404954, 34);
        await _pair.StartAgainAsync();

        var fix = await WaitForFixAsync((52.520008, 13.404954, 34));
        Assert.True(fix.IsValid);
        Assert.Equal(1, _receiver.Source.Reconnects);
        Assert.True(_simulator.Reopens >= 1, "the simulator never reopened its side");
    }

    private GnssFixTracker tracker => _receiver.Tracker;

    private Task<GnssFix> WaitForFixAsync((double Latitude, double Longitude, double Altitude) position) =>
        WaitForAsync(() => tracker.Latest is { IsValid: true } fix
                           && Math.Abs(fix.Latitude!.Value - position.Latitude) < CoordinateTolerance
                           && Math.Abs(fix.Longitude!.Value - position.Longitude) < CoordinateTolerance
            ? fix : null, $"a fix at {position}");

    private Task<T> WaitForAsync<T>(Func<T?> probe, string what) where T : class =>
        Polling.UntilAsync(probe, what, StepTimeout, () => $"latest fix {tracker.Latest}, " +
            $"lines {_receiver.Source.LinesRead}, rejected {tracker.TotalRejected} (last: {tracker.LastError}), simulator epochs {_simulator.EpochsWritten}; log:\n{string.Join('\n', _log)}");
}
