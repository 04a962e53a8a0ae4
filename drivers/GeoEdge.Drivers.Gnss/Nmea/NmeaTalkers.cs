namespace GeoEdge.Drivers.Gnss.Nmea;

/// <summary>
/// The talker ids accepted. Beyond the NMEA 4.11 set for GPS (GP), GLONASS (GL), Galileo (GA),
/// BeiDou (GB) and combined solutions (GN), receivers in the field also send GQ (QZSS, NMEA 4.11),
/// GI (NavIC, NMEA 4.11) and BD (BeiDou before NMEA 4.11: Quectel, Unicore, older u-blox FW).
/// Anything else (II, EC, proprietary P...) is reported as an unknown sentence.
/// </summary>
public static class NmeaTalkers
{
    public static bool IsAccepted(ReadOnlySpan<char> talker) => talker is "GP" or "GL" or "GA" or "GB" or "GN" or "GQ" or "BD" or "GI";

    /// <summary>The constellation a talker stands for; null for GN (a combined solution).</summary>
    public static GnssSystemId? SystemOf(string talker) => talker switch
    {
        "GP" => GnssSystemId.Gps,
        "GL" => GnssSystemId.Glonass,
        "GA" => GnssSystemId.Galileo,
        "GB" or "BD" => GnssSystemId.BeiDou,
        "GQ" => GnssSystemId.Qzss,
        "GI" => GnssSystemId.NavIc,
        _ => null,
    };

    /// <summary>Interns the accepted talkers so that parsing a sentence does not allocate a string for them.</summary>
    internal static string Intern(ReadOnlySpan<char> talker) => talker switch
    {
        "GP" => "GP",
        "GL" => "GL",
        "GA" => "GA",
        "GB" => "GB",
        "GN" => "GN",
        "GQ" => "GQ",
        "BD" => "BD",
        "GI" => "GI",
        _ => talker.ToString(),
    };
}
