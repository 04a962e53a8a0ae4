using GeoEdge.Bridge.Geolocation;
using GeoEdge.Bridge.Store;
using GeoEdge.Bridge.Verification;
using GeoEdge.Geofencing;
using GeoEdge.Wire.Readings;

namespace GeoEdge.Bridge.Geofencing;

/// <summary>
/// Matches the location of an accepted reading against the host's current policies, with the fix's
/// uncertainty: inside only if the whole uncertainty disc is inside, outside only if it is entirely
/// outside, indeterminate otherwise. Never a guess. Beside the geometry, it judges whether the fix is
/// OSNMA-authenticated and adds every reason it is not to the findings.
/// </summary>
public sealed class LocationAssessor(BridgeStore store, GnssAuthenticationAssessor gnssAssessor)
{
    public LocationAssessment Assess(string hostId, Reading reading)
    {
        var fix = reading.Fix;
        if (fix is null || fix.Quality == "NoFix")
            return new LocationAssessment(LocationAssessment.Indeterminate, null, null, null, [],
                [new Finding(FindingCodes.NoGnssFix, $"reading {reading.Seq} carries no valid GNSS fix")]);

        var geofence = AssessGeofence(hostId, fix);
        var gnss = gnssAssessor.Assess(fix);
        return geofence with { Findings = [.. geofence.Findings, .. gnss.Findings, .. gnss.Warnings], Gnss = gnss };
    }

    private LocationAssessment AssessGeofence(string hostId, GnssFixReport fix)
    {
        var uncertainty = FixUncertainty.RadiusMeters(fix);
        var stored = store.CurrentPolicies(hostId);
        if (stored.Count == 0)
            return new LocationAssessment(LocationAssessment.Indeterminate, fix.Latitude, fix.Longitude, uncertainty, [],
                [new Finding(FindingCodes.NoPolicy, $"host '{hostId}' has no geofence policy")]);

        GeoPoint point;
        try
        {
            point = new GeoPoint(fix.Latitude, fix.Longitude);
        }
        catch (ArgumentException e)
        {
            return new LocationAssessment(LocationAssessment.Indeterminate, null, null, null, [],
                [new Finding(FindingCodes.NoGnssFix, $"the fix position is not a valid coordinate: {e.Message}")]);
        }

        var results = new List<PolicyResult>();
        var findings = new List<Finding>();
        foreach (var policy in stored)
        {
            try
            {
                var parsed = PolicyDocument.Parse(policy.PolicyId, policy.Version, policy.Body);
                var decision = GeofenceEvaluator.Evaluate(parsed, point, uncertainty);
                var result = decision.Result switch
                {
                    GeofenceResult.Inside => LocationAssessment.Inside,
                    GeofenceResult.Outside => LocationAssessment.Outside,
                    _ => LocationAssessment.Indeterminate,
                };
                results.Add(new PolicyResult(policy.PolicyId, policy.Version, result, decision.DistanceToBoundaryMeters, decision.Explanation));
                if (result == LocationAssessment.Outside)
                    findings.Add(new Finding(FindingCodes.OutsideFence, decision.Explanation));
                else if (result == LocationAssessment.Indeterminate)
                    findings.Add(new Finding(FindingCodes.IndeterminateFence, decision.Explanation));
            }
            catch (GeofencePolicyException e)
            {
                // A stored policy that no longer parses cannot vouch for anything: fail closed.
                results.Add(new PolicyResult(policy.PolicyId, policy.Version, LocationAssessment.Indeterminate, double.NaN, e.Message));
                findings.Add(new Finding(FindingCodes.PolicyInvalid, e.Message));
            }
        }

        var overall = results.Any(r => r.Result == LocationAssessment.Outside) ? LocationAssessment.Outside
            : results.Any(r => r.Result == LocationAssessment.Indeterminate) ? LocationAssessment.Indeterminate
            : LocationAssessment.Inside;
        return new LocationAssessment(overall, fix.Latitude, fix.Longitude, uncertainty, results, findings);
    }
}
