using System.Globalization;
using GeoEdge.Bridge.Options;
using GeoEdge.Bridge.Verification;
using GeoEdge.Wire.Readings;

namespace GeoEdge.Bridge.Geolocation;

/// <summary>
/// Decides whether a fix is Galileo OSNMA-authenticated, from the facts the agent reported. A fix
/// is authenticated only if every satellite it used is a Galileo satellite whose navigation data is
/// authenticated, recently enough relative to the fix, at least four of them (one fix needs four),
/// while Galileo declares OSNMA operational, no alert has been received, the receiver does not see
/// spoofing, and the verifier's clock is a trusted one. Each failed condition is its own finding.
/// </summary>
public sealed class GnssAuthenticationAssessor
{
    /// <summary>Three position coordinates and the receiver clock: four unknowns, four satellites.</summary>
    public const int MinAuthenticatedSatellites = 4;

    private readonly TimeSpan _maxAge;
    private readonly GnssAuthenticationOptions _options;

    public GnssAuthenticationAssessor(GnssAuthenticationOptions options)
    {
        if (options.MaxAuthenticationAgeSeconds <= 0)
            throw new ArgumentException($"Gnss:MaxAuthenticationAgeSeconds must be positive, got {options.MaxAuthenticationAgeSeconds}", nameof(options));
        if (!double.IsFinite(options.MaxTimeErrorSeconds) || options.MaxTimeErrorSeconds < 0)
            throw new ArgumentException($"Gnss:MaxTimeErrorSeconds must be a finite, non-negative number, got {options.MaxTimeErrorSeconds}", nameof(options));
        _options = options;
        _maxAge = TimeSpan.FromSeconds(options.MaxAuthenticationAgeSeconds);
    }

    public GnssAuthentication Assess(GnssFixReport fix)
    {
        var findings = new List<Finding>();
        var warnings = new List<Finding>();
        var authenticated = 0;
        var missing = new List<string>();
        if (fix.Satellites is null) missing.Add("does not list the satellites it used");
        if (fix.Osnma is null) missing.Add("carries no OSNMA verifier state");
        if (missing.Count > 0)
            findings.Add(new Finding(FindingCodes.GnssUnauthenticated, $"the fix {string.Join(" and ", missing)}"));
        if (fix.Satellites is { } satellites) authenticated = CheckSatellites(fix, satellites, findings);
        if (fix.Osnma is { } osnma) CheckOsnma(osnma, findings);
        if (fix.Receiver is { } receiver) CheckReceiver(receiver, findings, warnings);
        return new GnssAuthentication(fix.Satellites?.Count ?? 0, authenticated, findings, warnings);
    }

    private int CheckSatellites(GnssFixReport fix, IReadOnlyList<GnssSatellite> satellites, List<Finding> findings)
    {
        var unauthenticated = new List<string>();
        var stale = new List<string>();
        var authenticated = 0;
        foreach (var sat in satellites)
        {
            var name = Label(sat);
            if (sat.System != GnssSystems.Galileo)
                unauthenticated.Add($"{name} ({sat.System} has no OSNMA)");
            else if (sat.Osnma is null)
                unauthenticated.Add($"{name} (no OSNMA verdict)");
            else if (!sat.Osnma.NavData.Authenticated || sat.Osnma.NavData.LastAuthenticated is not { } last)
                unauthenticated.Add($"{name} (navigation data not authenticated)");
            else if ((fix.Time - last).Duration() > _maxAge)
                stale.Add($"{name} (last authenticated {last.UtcDateTime:O}, {Distance(fix.Time - last)} the fix)");
            else
                authenticated++;
        }
        if (satellites.Count < fix.SatellitesUsed)
            unauthenticated.Add($"{fix.SatellitesUsed - satellites.Count} of the {fix.SatellitesUsed} satellites used are not listed");
        if (unauthenticated.Count > 0)
            findings.Add(new Finding(FindingCodes.GnssSatelliteUnauthenticated,
                $"the fix used satellites without authenticated navigation data: {string.Join(", ", unauthenticated)}"));
        if (stale.Count > 0)
            findings.Add(new Finding(FindingCodes.GnssAuthenticationStale,
                $"authentication further than {_options.MaxAuthenticationAgeSeconds} s from the fix time {fix.Time.UtcDateTime:O}: {string.Join(", ", stale)}"));
        if (authenticated < MinAuthenticatedSatellites)
            findings.Add(new Finding(FindingCodes.GnssTooFewAuthenticated,
                $"{authenticated} satellites with currently authenticated navigation data, at least {MinAuthenticatedSatellites} are needed"));
        return authenticated;
    }

    private void CheckOsnma(OsnmaState osnma, List<Finding> findings)
    {
        if (osnma.Nmas == OsnmaNmas.Test && !_options.AcceptOsnmaTestMode)
            findings.Add(new Finding(FindingCodes.OsnmaTestMode, "Galileo declares OSNMA status 'test' and this bridge accepts only 'operational'"));
        else if (osnma.Nmas is null)
            findings.Add(new Finding(FindingCodes.OsnmaNoStatus, "the agent has received no OSNMA status"));
        else if (osnma.Nmas == OsnmaNmas.DontUse)
            findings.Add(new Finding(FindingCodes.OsnmaNotOperational, "Galileo declares OSNMA status 'dont-use'"));
        if (osnma.AlertReceived)
            findings.Add(new Finding(FindingCodes.OsnmaAlert, "the agent's OSNMA verifier has received an alert message (chain or key revoked)"));
        var simulated = osnma.TimeSource != TrustedTimeSources.System;
        if (simulated && !_options.AcceptSimulatedTime)
            findings.Add(new Finding(FindingCodes.GnssUntrustedTime,
                $"the OSNMA verifier takes its time from '{osnma.TimeSource}', and this bridge trusts only 'system'"));
        if (osnma.TimeMaxErrorSeconds > _options.MaxTimeErrorSeconds)
            findings.Add(new Finding(FindingCodes.GnssUntrustedTime,
                $"the OSNMA verifier's time may be off by {osnma.TimeMaxErrorSeconds.ToString(CultureInfo.InvariantCulture)} s, more than the {_options.MaxTimeErrorSeconds.ToString(CultureInfo.InvariantCulture)} s OSNMA is secure with"));
    }

    private static void CheckReceiver(GnssReceiverFlags receiver, List<Finding> findings, List<Finding> warnings)
    {
        if (receiver.Spoofing is SpoofingStates.Indicated or SpoofingStates.Affirmed)
            findings.Add(new Finding(FindingCodes.GnssSpoofingIndicated, $"the receiver reports spoofing '{receiver.Spoofing}'"));
        if (receiver.Jamming is JammingStates.Warning or JammingStates.Critical)
        {
            var indicator = receiver.JamIndicator is { } jamInd ? $" (jamming indicator {jamInd}/255)" : "";
            warnings.Add(new Finding(FindingCodes.GnssJammingIndicated, $"the receiver reports jamming '{receiver.Jamming}'{indicator}"));
        }
    }

    /// <summary>RINEX satellite names (E11, G05, R03...): what an operator reading the finding knows.</summary>
    private static string Label(GnssSatellite sat)
    {
        var letter = sat.System switch
        {
            GnssSystems.Gps => "G",
            GnssSystems.Galileo => "E",
            GnssSystems.Glonass => "R",
            GnssSystems.Beidou => "C",
            GnssSystems.Qzss => "J",
            GnssSystems.Sbas => "S",
            GnssSystems.Navic => "I",
            _ => sat.System + " ",
        };
        return letter + sat.Svid.ToString("00", CultureInfo.InvariantCulture);
    }

    private static string Distance(TimeSpan age) =>
        Math.Round(age.Duration().TotalSeconds, 3).ToString(CultureInfo.InvariantCulture) + (age >= TimeSpan.Zero ? " s before" : " s after");
}
