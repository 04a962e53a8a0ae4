using GeoEdge.Drivers.Serial;

namespace GeoEdge.Drivers.Gnss;

/// <summary>
/// A GNSS receiver on a serial line: lines from a <see cref="ReconnectingSerialLineSource"/>
/// (which survives the receiver being unplugged) are parsed and fed to a <see cref="GnssFixTracker"/>.
/// </summary>
public sealed class NmeaSerialReceiver
{
    public NmeaSerialReceiver(string devicePath, int baudRate, Action<string>? log = null, SerialLineSourceOptions? options = null)
    {
        Source = new ReconnectingSerialLineSource(devicePath, baudRate, log, options);
    }

    public ReconnectingSerialLineSource Source { get; }

    public GnssFixTracker Tracker { get; } = new();

    /// <summary>Runs until <paramref name="ct"/> is cancelled, then throws <see cref="OperationCanceledException"/>.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        await foreach (var line in Source.ReadLinesAsync(ct)) Tracker.Feed(line);
    }
}
