using System.Globalization;
using System.Text.RegularExpressions;
using GeoEdge.Wire.Messages;

namespace GeoEdge.Hil.Rig.Scenarios;

/// <summary>
/// Reads the GNSS side of a bridge result the way an operator would: the finding codes in its reasons
/// ("code: detail") and the satellites a finding names (RINEX names such as E05). The demo and the HIL
/// tests judge verdicts with these, so both agree on what "the bridge noticed" means.
/// </summary>
public static partial class GnssVerdicts
{
    public const string SatelliteUnauthenticated = "gnss-satellite-unauthenticated";
    public const string TooFewAuthenticated = "gnss-too-few-authenticated";
    public const string Unauthenticated = "gnss-unauthenticated";
    public const string SpoofingIndicated = "gnss-spoofing-indicated";
    public const string JammingIndicated = "gnss-jamming-indicated";
    public const string OsnmaNoStatus = "osnma-no-status";

    /// <summary>
    /// Findings a genuine host's verdict carries while OSNMA catches up after an ephemeris update: every ten
    /// simulated minutes the satellites start broadcasting new navigation data, which stays unauthenticated until
    /// the TESLA keys of its tags arrive (about a simulated minute: 3-5 s at the rig's replay speed). The bridge
    /// then says "warning", never "affirming": correct, and not a sign of an attack.
    /// (Right after the agent starts, before its first complete subframe, it has no OSNMA status at all yet.)
    /// </summary>
    private static readonly string[] AuthenticationCatchingUp =
        [SatelliteUnauthenticated + ":", TooFewAuthenticated + ":", OsnmaNoStatus + ":"];

    /// <summary>The RINEX name of a Galileo satellite, as the bridge's findings write it (E05).</summary>
    public static string Galileo(int svid) => "E" + svid.ToString("00", CultureInfo.InvariantCulture);

    /// <summary>Whether one of the reasons carries this finding code.</summary>
    public static bool Has(this ResultMessage result, string code) =>
        result.Reasons.Any(r => r.StartsWith(code + ":", StringComparison.Ordinal));

    /// <summary>Affirming with no finding, or a warning only because OSNMA is (re-)authenticating navigation data.</summary>
    public static bool IsGenuine(string? earStatus, IReadOnlyList<string> reasons) =>
        earStatus == "affirming" && reasons.Count == 0
        || earStatus == "warning" && reasons.Count > 0
           && reasons.All(r => AuthenticationCatchingUp.Any(code => r.StartsWith(code, StringComparison.Ordinal)));

    /// <summary>An OSNMA-authenticated fix inside the fence: what only a genuine, authenticated host gets.</summary>
    public static bool IsAuthenticatedInside(ResultMessage result) =>
        result.EarStatus == "affirming" && result.Geofence == "inside" && result.Reasons.Count == 0;

    /// <summary>
    /// The satellites the gnss-satellite-unauthenticated finding names (empty when there is no such finding).
    /// The finding lists them as "E05 (navigation data not authenticated), G12 (gps has no OSNMA), ...".
    /// </summary>
    public static IReadOnlySet<string> UnauthenticatedSatellites(this ResultMessage result)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var reason in result.Reasons.Where(r => r.StartsWith(SatelliteUnauthenticated + ":", StringComparison.Ordinal)))
            foreach (Match m in SatelliteName().Matches(reason))
                names.Add(m.Groups[1].Value);
        return names;
    }

    [GeneratedRegex(@"\b([EGRCJSI]\d{2,3}) \(")]
    private static partial Regex SatelliteName();
}
