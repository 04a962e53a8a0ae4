using GeoEdge.Wire.Readings;

namespace GeoEdge.Hil.Rig.Scenarios;

/// <summary>
/// Fixes as an agent with a working Galileo OSNMA verifier reports them: every satellite used is a
/// Galileo satellite whose navigation data was authenticated 20 s before the fix, NMAS operational,
/// system time, no interference. Tests that are about something else start from one of these, so
/// that their verdicts can still be affirming; tests about authentication change one fact at a time.
/// </summary>
public static class AuthenticatedFixes
{
    public static readonly TimeSpan AuthenticationAge = TimeSpan.FromSeconds(20);

    public static GnssSatellite Galileo(int svid, DateTimeOffset lastAuthenticated, bool authenticated = true) => new()
    {
        System = GnssSystems.Galileo,
        Svid = svid,
        Osnma = new GalileoOsnmaRecord
        {
            NavData = new OsnmaNavDataAuthentication { Authenticated = authenticated, LastAuthenticated = lastAuthenticated, Iodnav = 100 + svid },
            Timing = new OsnmaTimingAuthentication { Authenticated = true, LastAuthenticated = lastAuthenticated },
        },
    };

    public static OsnmaState OperationalOsnma => new()
    {
        Nmas = OsnmaNmas.Operational,
        ChainId = 1,
        PublicKeyId = 2,
        StartMode = OsnmaStartModes.Hot,
        AlertReceived = false,
        TimeSource = TrustedTimeSources.System,
        TimeMaxErrorSeconds = 1,
    };

    public static GnssReceiverFlags Quiet => new() { Jamming = JammingStates.None, Spoofing = SpoofingStates.None, JamIndicator = 3 };

    /// <summary>A fix at the given place and time from <paramref name="satellites"/> authenticated Galileo satellites (E1, E2, ...).</summary>
    public static GnssFixReport At(double latitude, double longitude, DateTimeOffset? time = null, int satellites = 6)
    {
        var at = time ?? DateTimeOffset.UtcNow;
        return new GnssFixReport
        {
            Time = at,
            Latitude = latitude,
            Longitude = longitude,
            Quality = "Gps",
            SatellitesUsed = satellites,
            Hdop = 1.0,
            Satellites = Enumerable.Range(1, satellites).Select(svid => Galileo(svid, at - AuthenticationAge)).ToList(),
            Osnma = OperationalOsnma,
            Receiver = Quiet,
        };
    }
}
