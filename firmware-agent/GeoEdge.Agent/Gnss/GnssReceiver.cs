using GeoEdge.Agent.Logging;
using GeoEdge.Drivers.Gnss;
using GeoEdge.Wire.Readings;

namespace GeoEdge.Agent.Gnss;

/// <summary>
/// The agent's view of the GNSS receiver: the driver reads NMEA in the background (reconnecting
/// when the device goes away, counting and skipping broken sentences); this turns its latest fix
/// into what a reading reports, and drops a fix that is too old to describe "now".
/// </summary>
public sealed class GnssReceiver(string device, int baudRate, TimeSpan maxFixAge, AgentLog log)
{
    private readonly NmeaSerialReceiver _receiver = new(device, baudRate, log.Info);

    public GnssFixTracker Tracker => _receiver.Tracker;

    public Task RunAsync(CancellationToken ct) => Task.Run(() => _receiver.RunAsync(ct), ct);

    /// <summary>The latest valid fix if it is recent enough, else null.</summary>
    public GnssFixReport? CurrentFix(DateTimeOffset now)
    {
        var fix = _receiver.Tracker.Latest;
        if (fix is null || !fix.IsValid || fix.UtcTime is null) return null;
        var time = new DateTimeOffset(DateTime.SpecifyKind(fix.UtcTime.Value, DateTimeKind.Utc));
        if ((now - time).Duration() > maxFixAge) return null;
        return new GnssFixReport
        {
            Time = time,
            Latitude = fix.Latitude!.Value,
            Longitude = fix.Longitude!.Value,
            AltitudeMeters = fix.AltitudeMsl,
            Quality = fix.Quality.ToString(),
            SatellitesUsed = fix.SatellitesUsed ?? 0,
            Hdop = fix.Hdop,
            Error = fix.Gst is { } e ? new GnssErrorEstimate
            {
                SigmaLatitudeMeters = e.SigmaLatitude,
                SigmaLongitudeMeters = e.SigmaLongitude,
                SigmaAltitudeMeters = e.SigmaAltitude,
                SemiMajorMeters = e.SigmaMajor,
                SemiMinorMeters = e.SigmaMinor,
                OrientationDegrees = e.OrientationDegrees,
            } : null,
        };
    }
}
