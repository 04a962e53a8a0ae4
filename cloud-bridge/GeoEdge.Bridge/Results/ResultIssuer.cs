using System.Text.Json;
using GeoEdge.Bridge.Geofencing;
using GeoEdge.Bridge.Store;
using GeoEdge.Bridge.Verification;
using GeoEdge.Ear;
using GeoEdge.Wire.Messages;

namespace GeoEdge.Bridge.Results;

/// <summary>
/// Turns a verification outcome (and, for accepted readings, the location assessment) into a
/// signed EAR with two submodules, "platform" and "location", stores it as the verdict and returns
/// the message to publish back to the host.
/// </summary>
public sealed class ResultIssuer(BridgeStore store, EarSigningKey key, TimeProvider time, TimeSpan lifetime, string build)
{
    public const string PlatformSubmodule = "platform";
    public const string LocationSubmodule = "location";

    public ResultMessage Issue(VerificationOutcome outcome, LocationAssessment? location)
    {
        var now = time.GetUtcNow();
        var platform = PlatformSubmod(outcome);
        var locationSubmod = LocationSubmod(location);
        var ear = new EarClaims
        {
            IssuedAt = now,
            ExpiresAt = now + lifetime,
            Nonce = outcome.Reading?.NonceEpoch,
            VerifierId = new EarVerifierId("GeoEdge", build),
            Submods = new Dictionary<string, EarSubmodule> { [PlatformSubmodule] = platform, [LocationSubmodule] = locationSubmod },
            Extra = ExtraTop(outcome),
        };
        var jwt = EarJwt.Sign(ear, key);
        var reasons = outcome.Findings.Concat(location?.Findings ?? []).Select(f => f.ToString()).ToList();
        var deciding = location?.DecidingPolicy;
        var message = new ResultMessage
        {
            HostId = outcome.HostId,
            Seq = outcome.Reading?.Seq ?? 0,
            Ear = jwt,
            EarStatus = ear.OverallStatus.ToClaimValue(),
            Geofence = location?.Result,
            PolicyId = deciding?.PolicyId,
            Latitude = location?.Latitude,
            Longitude = location?.Longitude,
            UncertaintyMeters = location?.UncertaintyMeters,
            Reasons = reasons,
        };
        store.AddVerdict(new StoredVerdict(0, outcome.HostId, outcome.Reading?.Seq, now, message.EarStatus, message.Geofence,
            message.PolicyId, JsonSerializer.Serialize(reasons, BridgeJsonContext.Default.ListString), jwt));
        return message;
    }

    private static EarSubmodule PlatformSubmod(VerificationOutcome outcome)
    {
        var vector = new TrustVector();
        if (outcome.IsAccepted)
        {
            vector[TrustClaim.InstanceIdentity] = TrustTier.Affirming;
            vector[TrustClaim.Hardware] = TrustTier.Affirming;
            return new EarSubmodule { Status = EarStatus.Affirming, TrustVector = vector, AppraisalPolicyId = "geoedge:platform/v1" };
        }
        vector[TrustClaim.InstanceIdentity] = TrustTier.Contraindicated;
        return new EarSubmodule
        {
            Status = EarStatus.Contraindicated,
            TrustVector = vector,
            AppraisalPolicyId = "geoedge:platform/v1",
            Extra = Reasons(outcome.Findings),
        };
    }

    private static EarSubmodule LocationSubmod(LocationAssessment? location)
    {
        if (location is null)
            // The platform was refused: nothing it reported about its location can be appraised.
            return new EarSubmodule { Status = EarStatus.None, AppraisalPolicyId = "geoedge:location/v1" };

        var vector = new TrustVector();
        var status = location.Result switch
        {
            LocationAssessment.Inside => EarStatus.Affirming,
            LocationAssessment.Outside => EarStatus.Contraindicated,
            _ => EarStatus.Warning,
        };
        vector[TrustClaim.SourcedData] = status switch
        {
            EarStatus.Affirming => TrustTier.Affirming,
            EarStatus.Contraindicated => TrustTier.Contraindicated,
            _ => TrustTier.Warning,
        };
        var extra = Reasons(location.Findings);
        extra["geoedge.geofence"] = JsonSerializer.SerializeToElement(new GeofenceClaim(
            location.Result, location.Latitude, location.Longitude, location.UncertaintyMeters,
            location.Policies.Select(p => new PolicyClaim(p.PolicyId, p.Version, p.Result, double.IsFinite(p.DistanceToBoundaryMeters) ? p.DistanceToBoundaryMeters : null)).ToList()),
            BridgeJsonContext.Default.GeofenceClaim);
        return new EarSubmodule { Status = status, TrustVector = vector, AppraisalPolicyId = "geoedge:location/v1", Extra = extra };
    }

    private static Dictionary<string, JsonElement> Reasons(IEnumerable<Finding> findings) => new()
    {
        ["geoedge.reasons"] = JsonSerializer.SerializeToElement(findings.Select(f => f.ToString()).ToList(), BridgeJsonContext.Default.ListString),
    };

    private static Dictionary<string, JsonElement> ExtraTop(VerificationOutcome outcome)
    {
        var extra = new Dictionary<string, JsonElement>
        {
            ["geoedge.host"] = JsonSerializer.SerializeToElement(outcome.HostId, BridgeJsonContext.Default.String),
        };
        if (outcome.Reading is { } r) extra["geoedge.seq"] = JsonSerializer.SerializeToElement(r.Seq, BridgeJsonContext.Default.UInt64);
        return extra;
    }
}

/// <summary>The geofence claim inside the location submodule.</summary>
public sealed record GeofenceClaim(string Result, double? Latitude, double? Longitude, double? UncertaintyMeters, List<PolicyClaim> Policies);

public sealed record PolicyClaim(string Id, int Version, string Result, double? DistanceToBoundaryMeters);
