namespace GeoEdge.Ear;

/// <summary>
/// JSON claim names of draft-ietf-rats-ear-03, with the dotted names of earlier drafts (still
/// emitted by deployed Veraison verifiers), which are read but never written.
/// </summary>
public static class EarClaimNames
{
    public const string Profile = "eat_profile";
    public const string IssuedAt = "iat";
    public const string ExpiresAt = "exp";
    public const string NotBefore = "nbf";
    public const string Nonce = "eat_nonce";
    public const string VerifierId = "ear_verifier_id";
    public const string Submods = "submods";
    public const string Status = "ear_status";
    public const string TrustVector = "ear_trustworthiness_vector";
    public const string AppraisalPolicyIds = "ear_appraisal_policy_ids";
    public const string Developer = "developer";
    public const string Build = "build";

    public const string LegacyVerifierId = "ear.verifier-id";
    public const string LegacyStatus = "ear.status";
    public const string LegacyTrustVector = "ear.trustworthiness-vector";
    public const string LegacyAppraisalPolicyId = "ear.appraisal-policy-id";
    /// <summary>Singular form some producers used between the dotted names and the -03 list.</summary>
    public const string SingularAppraisalPolicyId = "ear_appraisal_policy_id";

    /// <summary>Top-level names the model owns; extra claims may not use them.</summary>
    public static readonly IReadOnlySet<string> ReservedTopLevel = new HashSet<string>(StringComparer.Ordinal)
    {
        Profile, IssuedAt, ExpiresAt, NotBefore, Nonce, VerifierId, Submods, Status, LegacyVerifierId, LegacyStatus,
    };

    /// <summary>Submodule-level names the model owns; extensions may not use them.</summary>
    public static readonly IReadOnlySet<string> ReservedInSubmodule = new HashSet<string>(StringComparer.Ordinal)
    {
        Status, TrustVector, AppraisalPolicyIds, LegacyStatus, LegacyTrustVector, LegacyAppraisalPolicyId, SingularAppraisalPolicyId,
    };
}
