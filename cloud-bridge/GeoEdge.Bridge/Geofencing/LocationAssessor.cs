using GeoEdge.Bridge.Geolocation;
using GeoEdge.Bridge.Store;
using GeoEdge.Bridge.Verification;
using GeoEdge.Geofencing;
using GeoEdge.Geolocation;
using GeoEdge.Wire.Readings;
using FindingCodes = GeoEdge.Bridge.Verification.FindingCodes;
using GlFindings = GeoEdge.Geolocation.FindingCodes;

namespace GeoEdge.Bridge.Geofencing;

/// <summary>
/// Where an accepted reading puts the host and whether that satisfies its policies. GL fuses the sources
/// into a composite location with a grade; the geofence is matched against that location's disc: inside
/// only if the whole disc is inside, outside only if it is entirely outside, indeterminate otherwise.
/// Beside the geometry it judges whether the fix is OSNMA-authenticated, and every reason it is not, every
/// contradiction between sources and a grade below the minimum become findings.
/// The host's policies are its own and its groups'; jurisdiction policies and the jurisdiction claims need
/// the atlas (without one a jurisdiction policy fails closed as policy-invalid).
/// </summary>
public sealed class LocationAssessor(BridgeStore store, GnssAuthenticationAssessor gnssAssessor, GeolocationService geolocation, LocationGrade minimumGrade,
    JurisdictionData? jurisdictions = null)
{
    private readonly JurisdictionData _jurisdictions = jurisdictions ?? JurisdictionData.None;
    private readonly ParsedPolicyCache _parsed = new();

    public async Task<LocationAssessment> AssessAsync(string hostId, Reading reading, CancellationToken ct)
    {
        var findings = new List<Finding>();
        var fix = UsableFix(reading, findings);
        var gnss = fix is null ? null : gnssAssessor.Assess(fix);
        var observation = fix is null ? null
            : new GnssObservation(fix.Latitude, fix.Longitude, FixUncertainty.RadiusMeters(fix), gnss!.Authenticated, fix.Time);
        var located = await geolocation.LocateAsync(hostId, reading, observation, ct);
        var composite = located.Location;

        var policies = LoadPolicies(hostId);
        var geofence = composite is { Latitude: { } lat, Longitude: { } lon, RadiusMeters: { } radius }
            ? AssessGeofence(hostId, policies, new GeoPoint(lat, lon), radius)
            : new LocationAssessment(LocationAssessment.Indeterminate, null, null, null, [], []);
        // A policy that no longer parses says nothing about what may be revealed: it counts as revealing nothing.
        geofence = geofence with { Disclosure = Disclosure.MostRestrictive(policies.Select(p => p.Parsed?.Disclosure ?? Disclosure.Least)) };
        // Only what may be disclosed is worked out: under "none" no jurisdiction is looked up at all.
        // A failed load omits the claims (JurisdictionData has logged why, once): a claim is never guessed.
        if (geofence.Disclosure.RevealsJurisdiction && composite.Grade != LocationGrade.F && geofence.Latitude is { } la && geofence.Longitude is { } lo && geofence.UncertaintyMeters is { } u
            && _jurisdictions.TryGet("jurisdiction claims", out var atlas, out _))
            geofence = geofence with { Jurisdiction = JurisdictionLocator.Locate(atlas, new GeoPoint(la, lo), u) };
        if (composite.Grade == LocationGrade.F && geofence.Result == LocationAssessment.Inside)
            // A contradicted position cannot vouch for being inside anything (GRADES.md).
            geofence = geofence with { Result = LocationAssessment.Indeterminate };

        findings.AddRange(geofence.Findings);
        if (gnss is not null) findings.AddRange([.. gnss.Findings, .. gnss.Warnings]);
        findings.AddRange(composite.Findings.Where(f => GlFindings.IsContradiction(f.Code)).Select(f => new Finding(f.Code, f.Message)));
        if (composite.Grade != LocationGrade.F && composite.Grade > minimumGrade)
            findings.Add(new Finding(FindingCodes.LocationGradeBelowMinimum,
                $"GL grades the location {composite.Grade}, and this bridge affirms only {minimumGrade} or better ({Agreement(composite)})"));
        // What a source could not say (unknown cell, PARTIAL, no position at all) explains the grade; it is no reason of its own.
        var notes = composite.Findings.Where(f => !GlFindings.IsContradiction(f.Code))
            .Select(f => $"{f.Code}: {f.Message}").ToList();
        if (located.Network.Problem is { } problem) notes.Add($"{FindingCodes.NetworkUnavailable}: {problem}");
        return geofence with { Findings = findings, Gnss = gnss, Composite = composite, Network = located.Network.Observation, Notes = notes };
    }

    /// <summary>The fix, when the reading has one with a valid position; otherwise null and the reason.</summary>
    private static GnssFixReport? UsableFix(Reading reading, List<Finding> findings)
    {
        var fix = reading.Fix;
        if (fix is null || fix.Quality == "NoFix")
        {
            findings.Add(new Finding(FindingCodes.NoGnssFix, $"reading {reading.Seq} carries no valid GNSS fix"));
            return null;
        }
        try
        {
            _ = new GeoPoint(fix.Latitude, fix.Longitude);
            return fix;
        }
        catch (ArgumentException e)
        {
            findings.Add(new Finding(FindingCodes.NoGnssFix, $"the fix position is not a valid coordinate: {e.Message}"));
            return null;
        }
    }

    private static string Agreement(CompositeLocation composite) =>
        string.Join(", ", composite.Sources.Where(s => s.Source != LocationSource.History)
            .Select(s => $"{s.Source.ToString().ToLowerInvariant()} {s.State.ToString().ToLowerInvariant()}"));

    /// <summary>A stored policy and its parsed form, or why it no longer parses.</summary>
    private sealed record LoadedPolicy(StoredPolicy Stored, LocationPolicy? Parsed, string? Problem);

    private List<LoadedPolicy> LoadPolicies(string hostId) =>
        store.EffectivePolicies(hostId).Select(p =>
        {
            var outcome = _parsed.GetOrParse(p, Parse);
            return new LoadedPolicy(p, outcome.Parsed, outcome.Problem);
        }).ToList();

    private ParsedPolicyCache.Outcome Parse(StoredPolicy p)
    {
        try
        {
            return new(PolicyDocument.Parse(p.PolicyId, p.Version, p.Body, _jurisdictions), null);
        }
        catch (GeofencePolicyException e)
        {
            return new(null, p.Group is { } g ? $"group '{g}': {e.Message}" : e.Message);
        }
    }

    private static LocationAssessment AssessGeofence(string hostId, List<LoadedPolicy> stored, GeoPoint point, double uncertainty)
    {
        if (stored.Count == 0)
            return new LocationAssessment(LocationAssessment.Indeterminate, point.Latitude, point.Longitude, uncertainty, [],
                [new Finding(FindingCodes.NoPolicy, $"host '{hostId}' has no geofence policy")]);

        var results = new List<PolicyResult>();
        var findings = new List<Finding>();
        foreach (var (policy, parsed, problem) in stored)
        {
            if (parsed is null)
            {
                // A stored policy that no longer parses cannot vouch for anything: fail closed.
                results.Add(new PolicyResult(policy.PolicyId, policy.Version, LocationAssessment.Indeterminate, double.NaN, problem!) { Group = policy.Group });
                findings.Add(new Finding(FindingCodes.PolicyInvalid, problem!));
                continue;
            }
            var decision = GeofenceEvaluator.Evaluate(parsed.Geofence, point, uncertainty);
            var result = decision.Result switch
            {
                GeofenceResult.Inside => LocationAssessment.Inside,
                GeofenceResult.Outside => LocationAssessment.Outside,
                _ => LocationAssessment.Indeterminate,
            };
            var explanation = policy.Group is { } g ? $"group '{g}': {decision.Explanation}" : decision.Explanation;
            results.Add(new PolicyResult(policy.PolicyId, policy.Version, result, decision.DistanceToBoundaryMeters, explanation) { Group = policy.Group });
            if (result == LocationAssessment.Outside)
                findings.Add(new Finding(FindingCodes.OutsideFence, explanation));
            else if (result == LocationAssessment.Indeterminate)
                findings.Add(new Finding(FindingCodes.IndeterminateFence, explanation));
        }

        var overall = results.Any(r => r.Result == LocationAssessment.Outside) ? LocationAssessment.Outside
            : results.Any(r => r.Result == LocationAssessment.Indeterminate) ? LocationAssessment.Indeterminate
            : LocationAssessment.Inside;
        return new LocationAssessment(overall, point.Latitude, point.Longitude, uncertainty, results, findings);
    }
}
