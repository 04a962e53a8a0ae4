using System.Text.Json;
using GeoEdge.Bridge.Appraisal;
using GeoEdge.Bridge.Geofencing;
using GeoEdge.Bridge.Store;
using GeoEdge.Bridge.Verification;
using GeoEdge.Ear;
using GeoEdge.Wire.Messages;

namespace GeoEdge.Bridge.ResultSigning;

/// <summary>
/// Turns a verification outcome (and, for accepted readings, the platform appraisal and the location
/// assessment) into a signed EAR with two submodules, "platform" and "location", stores it as the
/// verdict and returns the message to publish back to the host. With a notary, every issued result is
/// also appended to the transparency log and time-stamped before it is published (ResultNotary).
/// </summary>
public sealed class ResultIssuer(BridgeStore store, EarSigningKey key, TimeProvider time, TimeSpan lifetime, string build, ResultNotary? notary = null)
{
    public const string PlatformSubmodule = "platform";
    public const string LocationSubmodule = "location";

    /// <summary>
    /// Signs and stores the result now, and hands it to the notary: <see cref="IssuedResult.Publishable"/> completes
    /// once it is logged and time-stamped (at once without a notary), and only then may it be published.
    /// </summary>
    public IssuedResult IssueForPublication(VerificationOutcome outcome, PlatformAppraisal? platform, LocationAssessment? location)
    {
        var (message, verdictId) = SignAndStore(outcome, platform, location);
        return new IssuedResult(message, notary is null ? Task.FromResult(message) : notary.NotarizeAsync(message, verdictId, keepForRedelivery: outcome.IsAccepted));
    }

    /// <summary>Signs and stores the result, without the transparency log or a timestamp.</summary>
    public ResultMessage Issue(VerificationOutcome outcome, PlatformAppraisal? platform, LocationAssessment? location) =>
        SignAndStore(outcome, platform, location).Message;

    private (ResultMessage Message, long VerdictId) SignAndStore(VerificationOutcome outcome, PlatformAppraisal? platform, LocationAssessment? location)
    {
        if (outcome.IsAccepted && platform is null)
            throw new ArgumentException("an accepted reading needs its platform appraisal", nameof(platform));
        var now = time.GetUtcNow();
        var disclosure = location is null ? null : new LocationDisclosure(location);
        var submods = new Dictionary<string, EarSubmodule>
        {
            [PlatformSubmodule] = PlatformSubmod(outcome, platform),
            [LocationSubmodule] = LocationSubmod(location, disclosure),
        };
        var ear = new GeoEdge.Ear.Ear(new VerifierId("GeoEdge", build), submods, now)
        {
            ExpiresAt = now + lifetime,
            Nonce = outcome.Reading?.NonceEpoch,
            ExtraClaims = ExtraTop(outcome),
        };
        var jwt = EarJwt.Sign(ear, key);
        var platformFindings = platform?.Findings.Select(f => f.AsFinding()) ?? [];
        var reasons = outcome.Findings.Concat(outcome.Warnings).Concat(platformFindings).Concat(disclosure?.Findings ?? []).Select(f => f.ToString()).ToList();
        var deciding = location?.DecidingPolicy;
        var message = new ResultMessage
        {
            HostId = outcome.HostId,
            Seq = outcome.Seq ?? 0,
            ReadingDigest = outcome.ReadingDigest,
            Ear = jwt,
            EarStatus = ear.OverallStatus.ToClaimValue(),
            Geofence = location?.Result,
            PolicyId = deciding?.PolicyId,
            Latitude = disclosure?.Latitude,
            Longitude = disclosure?.Longitude,
            UncertaintyMeters = disclosure?.UncertaintyMeters,
            LocationGrade = location?.Composite?.Grade.ToString(),
            Reasons = reasons,
            BootLogWanted = platform?.BootLogWanted == true ? true : null,
            ImaResendFrom = platform?.ImaResendFrom,
        };
        var verdictId = store.AddVerdict(new StoredVerdict(0, outcome.HostId, outcome.Seq, now, message.EarStatus, message.Geofence,
            message.PolicyId, JsonSerializer.Serialize(reasons, BridgeJsonContext.Default.ListString), jwt)
        {
            GnssAuthenticated = location is null ? null : location.Gnss?.Authenticated ?? false,
            GnssAuthenticatedSatellites = location is null ? null : location.Gnss?.AuthenticatedSatellites ?? 0,
            LocationGrade = message.LocationGrade,
        });
        return (message, verdictId);
    }

    private static EarSubmodule PlatformSubmod(VerificationOutcome outcome, PlatformAppraisal? platform)
    {
        string[] policy = ["geoedge:platform/v2"];
        if (outcome.IsAccepted && platform is not null) return PlatformClaims.Accepted(outcome.Warnings, platform, policy);
        var refused = TrustVector.Empty.With(TrustCategory.InstanceIdentity, (int)EarStatus.Contraindicated);
        return new EarSubmodule(EarStatus.Contraindicated, refused, policy, Reasons(outcome.Findings));
    }

    private static EarSubmodule LocationSubmod(LocationAssessment? location, LocationDisclosure? disclosure)
    {
        string[] policy = ["geoedge:location/v1"];
        if (location is null || disclosure is null)
            // The platform was refused: nothing it reported about its location can be appraised.
            return new EarSubmodule(EarStatus.None, null, policy);

        var status = LocationStatus(location);
        var extensions = Reasons(disclosure.Findings);
        var gnss = location.Gnss;
        extensions["geoedge.gnss-authenticated"] = ClaimValues.Build(w => w.WriteBooleanValue(gnss?.Authenticated ?? false));
        extensions["geoedge.gnss-authenticated-satellites"] = ClaimValues.Build(w => w.WriteNumberValue(gnss?.AuthenticatedSatellites ?? 0));
        extensions["geoedge.gnss-satellites"] = ClaimValues.Build(w => w.WriteNumberValue(gnss?.SatellitesListed ?? 0));
        extensions["geoedge.geofence"] = JsonSerializer.SerializeToElement(new GeofenceClaim(
            location.Result, disclosure.Latitude, disclosure.Longitude, disclosure.UncertaintyMeters,
            location.Policies.Select(p => new PolicyClaim(p.PolicyId, p.Version, p.Result,
                disclosure.Precise && double.IsFinite(p.DistanceToBoundaryMeters) ? p.DistanceToBoundaryMeters : null) { Group = p.Group }).ToList())
            { Disclosure = disclosure.Disclosure.Name },
            BridgeJsonContext.Default.GeofenceClaim);
        GeographicClaims.Add(extensions, disclosure);
        if (LocationClaim.From(location, disclosure) is { } composite)
            extensions["geoedge.location"] = JsonSerializer.SerializeToElement(composite, BridgeJsonContext.Default.LocationClaim);
        return new EarSubmodule(status, TrustVector.Empty.With(TrustCategory.SourcedData, (int)status), policy, extensions);
    }

    /// <summary>
    /// Affirming only for a position inside every fence from an OSNMA-authenticated fix with nothing
    /// at all to remark (a jamming warning, or a grade below the minimum, is enough to withhold it).
    /// Outside, a receiver that sees spoofing, or sources that contradict each other (the serving cell
    /// or the network placing the host elsewhere) contradict the claim to be inside: contraindicated.
    /// Everything else is a warning: an unauthenticated fix inside the fence is plausible but unproven.
    /// </summary>
    private static EarStatus LocationStatus(LocationAssessment location)
    {
        if (location.Result == LocationAssessment.Outside || location.Gnss?.SpoofingIndicated == true || location.SourcesContradict)
            return EarStatus.Contraindicated;
        var proven = location.Result == LocationAssessment.Inside && location.Gnss?.Authenticated == true && location.Findings.Count == 0;
        return proven ? EarStatus.Affirming : EarStatus.Warning;
    }

    internal static Dictionary<string, JsonElement> Reasons(IEnumerable<Finding> findings) => new()
    {
        ["geoedge.reasons"] = ClaimValues.FromStrings(findings.Select(f => f.ToString())),
    };

    private static Dictionary<string, JsonElement> ExtraTop(VerificationOutcome outcome)
    {
        var extra = new Dictionary<string, JsonElement> { ["geoedge.host"] = ClaimValues.FromString(outcome.HostId) };
        // Only a reading whose binding to the quote was verified vouches for its sequence number; a
        // refused message's number is what it claimed, and is labelled so, so that nobody can pin a
        // refusal on a genuine reading by forging a message with its number.
        if (outcome.Reading is { } verified) extra["geoedge.seq"] = ClaimValues.Build(w => w.WriteNumberValue(verified.Seq));
        else if (outcome.ClaimedSeq is { } claimed) extra["geoedge.claimed-seq"] = ClaimValues.Build(w => w.WriteNumberValue(claimed));
        return extra;
    }
}

/// <summary>A signed and stored result (<see cref="Signed"/>, for the bridge's own log lines) and the task that yields it ready to publish.</summary>
public sealed record IssuedResult(ResultMessage Signed, Task<ResultMessage> Publishable);

/// <summary>The geofence claim inside the location submodule.</summary>
/// Latitude, longitude and uncertainty are what the disclosure allows (null below circle); Disclosure names it.
public sealed record GeofenceClaim(string Result, double? Latitude, double? Longitude, double? UncertaintyMeters, List<PolicyClaim> Policies)
{
    public string? Disclosure { get; init; }
}

/// <summary>One policy's result; DistanceToBoundaryMeters only under precise disclosure, Group for a group's policy.</summary>
public sealed record PolicyClaim(string Id, int Version, string Result, double? DistanceToBoundaryMeters)
{
    public string? Group { get; init; }
}
