using System.Collections.Concurrent;
using GeoEdge.Drivers.Gnss.Nmea;
using GeoEdge.Drivers.Serial;

namespace GeoEdge.Hil.Rig.Simulators;

/// <summary>
/// A GNSS receiver on the simulator side of a pty pair. Each epoch (1 s by default, faster for
/// tests) it writes what a multi-constellation u-blox receiver in NMEA 4.11 mode writes: RMC,
/// GGA, GSA per system, GSV per system and signal, GST, for a position that can be moved while
/// it runs. If the pty disappears it reopens it, like a receiver that never stops talking.
/// </summary>
public sealed class GnssSimulator : IAsyncDisposable
{
    private readonly string _devicePath;
    private readonly int _baudRate;
    private readonly Action<string> _log;
    private readonly ConcurrentQueue<byte[]> _garbage = new();
    private readonly object _positionLock = new();
    private (double Latitude, double Longitude, double Altitude) _position = (48.1173, 11.5167, 545.4);
    private CancellationTokenSource? _stop;
    private TaskCompletionSource? _finished;
    private SerialPort? _port;
    private long _epochs;
    private long _reopens;
    private long _dropped;

    public GnssSimulator(string devicePath, TimeSpan? epochInterval = null, int baudRate = 115200, Action<string>? log = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(devicePath);
        EpochInterval = epochInterval ?? TimeSpan.FromSeconds(1);
        ArgumentOutOfRangeException.ThrowIfLessThan(EpochInterval, TimeSpan.FromMilliseconds(10), nameof(epochInterval));
        _devicePath = devicePath;
        _baudRate = baudRate;
        _log = log ?? (_ => { });
    }

    public TimeSpan EpochInterval { get; }

    public SimulatedSky Sky { get; } = SimulatedSky.Default;

    /// <summary>Epochs written completely.</summary>
    public long EpochsWritten => Interlocked.Read(ref _epochs);

    /// <summary>Times the simulator side was opened again after losing it.</summary>
    public long Reopens => Interlocked.Read(ref _reopens);

    /// <summary>Epochs abandoned because nobody drained the pty (a real receiver overwrites its buffer too).</summary>
    public long EpochsDropped => Interlocked.Read(ref _dropped);

    public (double Latitude, double Longitude, double Altitude) Position { get { lock (_positionLock) return _position; } }

    /// <summary>Moves the simulated antenna; the next epoch reports the new position.</summary>
    public void SetPosition(double latitude, double longitude, double altitudeMsl)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Math.Abs(latitude), 90, nameof(latitude));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Math.Abs(longitude), 180, nameof(longitude));
        lock (_positionLock) _position = (latitude, longitude, altitudeMsl);
    }

    /// <summary>Writes these bytes, raw, before the next sentence (line noise, a stray binary message).</summary>
    public void InjectGarbage(byte[] bytes) => _garbage.Enqueue(bytes.ToArray());

    /// <summary>Starts writing epochs on a thread of its own (timing must not depend on a busy thread pool).</summary>
    public Task StartAsync(CancellationToken ct = default)
    {
        if (_stop is not null) throw new InvalidOperationException("the GNSS simulator is already running");
        _stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        _finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var token = _stop.Token;
        var finished = _finished;
        new Thread(() => Run(token, finished)) { IsBackground = true, Name = "GNSS simulator" }.Start();
        return Task.CompletedTask;
    }

    public async Task StopAsync()
    {
        if (_stop is null || _finished is null) return;
        _stop.Cancel();
        try
        {
            await _finished.Task;
        }
        finally
        {
            _stop.Dispose();
            _stop = null;
            _finished = null;
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private void Run(CancellationToken ct, TaskCompletionSource finished)
    {
        try
        {
            var start = DateTime.UtcNow;
            var wasOpen = false;
            for (long epoch = 0; ; epoch++)
            {
                var wait = start + EpochInterval * epoch - DateTime.UtcNow;
                if (ct.WaitHandle.WaitOne(wait > TimeSpan.Zero ? wait : TimeSpan.Zero)) break;
                if (_port is null && !TryOpen(ref wasOpen)) continue;
                try
                {
                    WriteEpoch(_port!, DateTime.UtcNow, ct);
                    Interlocked.Increment(ref _epochs);
                }
                catch (TimeoutException)
                {
                    Interlocked.Increment(ref _dropped);
                }
                catch (SerialPortException e)
                {
                    _log($"GNSS simulator: {e.Message}; reopening");
                    _port!.Dispose();
                    _port = null;
                }
            }
            finished.TrySetResult();
        }
        catch (OperationCanceledException)
        {
            finished.TrySetResult();
        }
        catch (Exception e)
        {
            _log($"GNSS simulator stopped by an unexpected error: {e}");
            finished.TrySetException(e);
        }
        finally
        {
            _port?.Dispose();
            _port = null;
        }
    }

    private bool TryOpen(ref bool wasOpen)
    {
        try
        {
            _port = SerialPort.Open(_devicePath, _baudRate);
        }
        catch (SerialPortException)
        {
            return false; // the pty pair is down; try again next epoch
        }
        // Never block an epoch longer than the epoch itself on a reader that does not read.
        _port.WriteTimeout = EpochInterval;
        if (wasOpen) Interlocked.Increment(ref _reopens);
        wasOpen = true;
        _log($"GNSS simulator: writing to {_devicePath}");
        return true;
    }

    private void WriteEpoch(SerialPort port, DateTime now, CancellationToken ct)
    {
        var (latitude, longitude, altitude) = Position;
        foreach (var sentence in Sky.Epoch(now, latitude, longitude, altitude))
        {
            while (_garbage.TryDequeue(out var garbage)) port.Write(garbage, ct);
            port.Write(NmeaWriter.ToBytes(sentence), ct);
        }
    }
}
