using GeoEdge.Drivers.Gnss.Galileo;

namespace GeoEdge.Drivers.Osnma.Simulator.Tests;

internal static class Scenarios
{
    /// <summary>WN 1300, TOW 3 h 40 min: 20 minutes before a whole hour, so chain events can start at the hour.</summary>
    public static readonly GalileoSystemTime Start = new(1300, 3 * 3600 + 40 * 60);

    public static readonly int[] TwelveSatellites = [2, 3, 5, 7, 8, 11, 12, 19, 24, 25, 30, 34];

    public static OsnmaScenario Nominal(TimeSpan duration, params OsnmaScenarioEvent[] events) => new()
    {
        Satellites = TwelveSatellites[..6],
        Start = Start,
        Duration = duration,
        Events = events,
    };

    public static GalileoSystemTime At(int minutes) => Start.AddSeconds(60L * minutes);

    public static (OsnmaBroadcastSimulator Simulator, List<ReceivedSubframe> Subframes, BroadcastCheck Check) Run(OsnmaScenario scenario)
    {
        var simulator = new OsnmaBroadcastSimulator(scenario);
        var subframes = ReceivedSubframe.Collect(simulator.Pages());
        var check = BroadcastCheck.Run(subframes, pkid => simulator.SigningKeys.FirstOrDefault(k => k.PublicKeyId == pkid)?.CompressedPoint);
        return (simulator, subframes, check);
    }
}
