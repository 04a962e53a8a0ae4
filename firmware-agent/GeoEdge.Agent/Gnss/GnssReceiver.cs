using GeoEdge.Agent.Configuration;
using GeoEdge.Agent.Logging;
using GeoEdge.Drivers.Gnss;
using GeoEdge.Wire.Readings;

namespace GeoEdge.Agent.Gnss;

/// <summary>
/// The agent's view of the GNSS receiver. The driver reads NMEA and UBX from one serial port in the
/// background (reconnecting when the device goes away, counting and skipping broken input) and hands every
/// Galileo page to the OSNMA verifier. At each cycle this turns the latest fix into what a reading reports:
/// position (UBX-NAV-PVT, else NMEA), the satellites used with their OSNMA authentication, the verifier's
/// state and the receiver's own jamming/spoofing flags; a fix too old to describe "now" is dropped.
/// </summary>
public sealed class GnssReceiver
{
    private readonly GnssStreamReceiver _stream;
    private readonly OsnmaVerification? _osnma;
    private readonly TimeSpan _maxFixAge;

    public GnssReceiver(GnssConfig config, string stateDirectory, AgentLog log)
    {
        _maxFixAge = TimeSpan.FromSeconds(config.MaxFixAgeSeconds);
        _osnma = OsnmaVerification.Create(config.Osnma, stateDirectory, log.For("osnma"));
        _stream = new GnssStreamReceiver(config.Device, config.BaudRate, _osnma is { } osnma ? osnma.OnPage : null, log.Info);
    }

    public Task RunAsync(CancellationToken ct) => Task.Run(() => _stream.RunAsync(ct), ct);

    /// <summary>The latest valid fix if it is recent enough, else null.</summary>
    public GnssFixReport? CurrentFix(DateTimeOffset now)
    {
        var state = _stream.State;
        var fix = (state.Pvt is { } pvt ? UbxFixReport.FromPvt(pvt) : null) ?? NmeaFix();
        if (fix is null || (now - fix.Time).Duration() > _maxFixAge) return null;
        var records = _osnma?.Records(now);
        return fix with
        {
            Satellites = UbxFixReport.SatellitesUsed(state, svid => records?.GetValueOrDefault(svid)),
            Osnma = _osnma?.State(),
            Receiver = UbxFixReport.ReceiverFlags(state),
        };
    }

    private GnssFixReport? NmeaFix()
    {
        var fix = _stream.Tracker.Latest;
        if (fix is null || !fix.IsValid || fix.UtcTime is null) return null;
        return new GnssFixReport
        {
            Time = new DateTimeOffset(DateTime.SpecifyKind(fix.UtcTime.Value, DateTimeKind.Utc)),
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
