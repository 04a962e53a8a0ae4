namespace GeoEdge.Hil.Rig.Simulators;

/// <summary>
/// What the simulated u-blox receiver currently reports about itself, beyond the navigation pages:
/// position (WGS84, height above the ellipsoid) and its horizontal accuracy, the Galileo satellites
/// used in the fix, its jamming/spoofing verdicts (UBX-SEC-SIG states: 0 unknown, 1 none, 2 indicated,
/// 3 critical/affirmed), the MON-HW jamming indicator (0..255) and the satellites whose
/// navigation data is being forged.
/// </summary>
public sealed record SimulatedReceiverSettings(
    double Latitude, double Longitude, double HeightMeters, double HorizontalAccuracyMeters,
    IReadOnlySet<int> GalileoUsed, int JammingState, int SpoofingState, byte JamIndicator,
    IReadOnlySet<int> SpoofedSvids)
{
    /// <summary>Geoid separation the simulated receiver applies (NAV-PVT hMSL, NMEA GGA).</summary>
    public const double GeoidSeparationMeters = 47.0;

    public double HeightMslMeters => HeightMeters - GeoidSeparationMeters;
}
