using GeoEdge.Agent.Logging;
using GeoEdge.Drivers.Gnss;
using GeoEdge.Drivers.Gnss.Nmea;
using GeoEdge.Drivers.Serial;
using GeoEdge.Wire.Readings;

namespace GeoEdge.Agent.Gnss;

/// <summary>
/// Reads the GNSS receiver in the background (NMEA over serial, reconnecting when the device goes
/// away) and keeps the latest fix. Broken or unknown sentences are counted and skipped.
/// </summary>
public sealed class GnssReceiver(string device, int baudRate, TimeSpan maxFixAge, AgentLog log)
{
    private readonly GnssFixTracker _tracker = new();
    private readonly Lock _lock = new();
    private long _accepted;
    private long _rejected;

    public long AcceptedSentences => Interlocked.Read(ref _accepted);
    public long RejectedSentences => Interlocked.Read(ref _rejected);

    public Task RunAsync(CancellationToken ct) => Task.Run(async () =>
    {
        var source = new ReconnectingSerialLineSource(device, baudRate, message => log.Info(message));
        try
        {
            await foreach (var line in source.ReadLinesAsync(ct))
            {
                var parsed = NmeaParser.Parse(line);
                if (parsed.Sentence is null)
                {
                    if (Interlocked.Increment(ref _rejected) % 100 == 1)
                        log.Warn($"skipped NMEA input ({parsed.Error}); {RejectedSentences} skipped so far");
                    continue;
                }
                Interlocked.Increment(ref _accepted);
                lock (_lock) _tracker.Feed(parsed.Sentence);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
    }, ct);

    /// <summary>The latest valid fix if it is recent enough, else null.</summary>
    public GnssFixReport? CurrentFix(DateTimeOffset now)
    {
        GnssFix? fix;
        lock (_lock) fix = _tracker.Latest;
        if (fix is null || !fix.IsValid || fix.Time is null) return null;
        if (now - fix.Time.Value > maxFixAge) return null;
        return new GnssFixReport
        {
            Time = fix.Time.Value,
            Latitude = fix.Latitude!.Value,
            Longitude = fix.Longitude!.Value,
            AltitudeMeters = fix.AltitudeMeters,
            Quality = fix.Quality.ToString(),
            SatellitesUsed = fix.SatellitesUsed ?? 0,
            Hdop = fix.Hdop,
            Error = fix.ErrorEllipse is { } e ? new GnssErrorEstimate
            {
                SigmaLatitudeMeters = e.SigmaLatitudeMeters,
                SigmaLongitudeMeters = e.SigmaLongitudeMeters,
                SigmaAltitudeMeters = e.SigmaAltitudeMeters,
                SemiMajorMeters = e.SemiMajorMeters,
                SemiMinorMeters = e.SemiMinorMeters,
                OrientationDegrees = e.OrientationDegrees,
            } : null,
        };
    }
}
