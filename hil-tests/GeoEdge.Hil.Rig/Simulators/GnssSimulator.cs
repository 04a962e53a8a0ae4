using System.Collections.Concurrent;
using GeoEdge.Drivers.Gnss.Nmea;

namespace GeoEdge.Hil.Rig.Simulators;

/// <summary>
/// A GNSS receiver on the simulator side of a pty pair. Each epoch (1 s by default, faster for
/// tests) it writes what a multi-constellation u-blox receiver in NMEA 4.11 mode writes: RMC,
/// GGA, GSA per system, GSV per system and signal, GST, for a position that can be moved while
/// it runs. If the pty disappears it reopens it, like a receiver that never stops talking.
/// </summary>
public sealed class GnssSimulator : IAsyncDisposable
{
    private const string Name = "GNSS simulator";
    private readonly string _devicePath;
    private readonly int _baudRate;
    private readonly Action<string> _log;
    private readonly ConcurrentQueue<byte[]> _garbage = new();
    private readonly object _positionLock = new();
    private (double Latitude, double Longitude, double Altitude) _position = (48.1173, 11.5167, 545.4);
    private readonly PacedSender _sender;
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
        _sender = new PacedSender(Name, EpochInterval, _log);
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
        // Never block an epoch longer than the epoch itself on a reader that does not read.
        var port = new ReopeningSimulatorPort(_devicePath, _baudRate, EpochInterval, Name, _log);
        _sender.Start((_, token) => WriteEpoch(port, token), () =>
        {
            Interlocked.Exchange(ref _reopens, port.Reopens);
            port.Dispose();
        }, ct);
        return Task.CompletedTask;
    }

    public Task StopAsync() => _sender.StopAsync();

    public ValueTask DisposeAsync() => new(StopAsync());

    private bool WriteEpoch(ReopeningSimulatorPort port, CancellationToken ct)
    {
        var (latitude, longitude, altitude) = Position;
        var epoch = new List<byte>();
        while (_garbage.TryDequeue(out var garbage)) epoch.AddRange(garbage);
        foreach (var sentence in Sky.Epoch(DateTime.UtcNow, latitude, longitude, altitude)) epoch.AddRange(NmeaWriter.ToBytes(sentence));
        if (port.TryWrite(epoch.ToArray(), ct)) Interlocked.Increment(ref _epochs);
        else Interlocked.Increment(ref _dropped);
        Interlocked.Exchange(ref _reopens, port.Reopens);
        return true;
    }
}
