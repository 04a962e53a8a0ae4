using System.Text.Json;

namespace GeoEdge.Ear;

/// <summary>
/// One EAR-appraisal (draft-ietf-rats-ear-03 section 3.1): the verdict on one attester or, in
/// GeoEdge, on one aspect of a host (platform, location). Immutable.
/// </summary>
public sealed class EarSubmodule
{
    public EarStatus Status { get; }
    public TrustVector TrustVector { get; }
    /// <summary>Policies applied, in order; empty when not disclosed (the claim is then omitted, as the draft forbids an empty list).</summary>
    public IReadOnlyList<string> AppraisalPolicyIds { get; }
    /// <summary>Extension claims of this appraisal, e.g. "geoedge.reasons", "geoedge.geofence".</summary>
    public IReadOnlyDictionary<string, JsonElement> Extensions { get; }

    /// <exception cref="ArgumentException">the status claims more trust than the vector allows (draft section 3.1: the
    /// status is no better than the worst claim), a policy id is blank, or an extension reuses an EAR claim name.</exception>
    public EarSubmodule(EarStatus status, TrustVector? trustVector = null, IReadOnlyList<string>? appraisalPolicyIds = null,
        IReadOnlyDictionary<string, JsonElement>? extensions = null)
    {
        _ = status.Severity(); // range-checks the enum
        TrustVector = trustVector ?? TrustVector.Empty;
        if (TrustVector.WorstAdverseTier() is { } worst && worst.Severity() > status.Severity())
            throw new ArgumentException($"ear_status '{status.ToClaimValue()}' is more trusting than the trust vector's worst claim tier '{worst.ToClaimValue()}'", nameof(status));
        Status = status;

        var ids = appraisalPolicyIds?.ToArray() ?? [];
        if (ids.Any(string.IsNullOrWhiteSpace)) throw new ArgumentException("appraisal policy ids must not be blank", nameof(appraisalPolicyIds));
        AppraisalPolicyIds = ids;
        Extensions = ClaimBag.Validate(extensions, EarClaimNames.ReservedInSubmodule, "submodule extension");
    }
}
