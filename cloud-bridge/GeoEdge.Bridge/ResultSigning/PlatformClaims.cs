using GeoEdge.Bridge.Appraisal;
using GeoEdge.Bridge.Verification;
using GeoEdge.Ear;

namespace GeoEdge.Bridge.ResultSigning;

/// <summary>
/// The platform submodule of an accepted reading: the quote proved the TPM and the AK (instance
/// identity, hardware unless its composition changed); the boot and IMA appraisal decide executables and
/// configuration. Any finding
/// that contradicts the policy makes it contraindicated; evidence that could not be appraised makes it
/// a warning; only a platform with nothing to remark is affirming.
/// </summary>
internal static class PlatformClaims
{
    // AR4SI trustworthiness claim values (draft-ietf-rats-ar4si): 2-31 affirming, 32-95 warning, 96-127 contraindicated.
    private const int Approved = 2;
    private const int UnsafeConfiguration = 32;
    private const int Contraindicated = 96;

    /// <summary>Findings about what the host is made of (its hardware), not what it runs.</summary>
    private static readonly HashSet<string> HardwareFindings = [FindingCodes.CompositionChanged, FindingCodes.SimRemoved];

    public static EarSubmodule Accepted(IReadOnlyList<Finding> quoteWarnings, PlatformAppraisal platform, string[] policy)
    {
        var contraindicated = platform.Findings.Where(f => f.Severity == FindingSeverity.Contraindicated).ToList();
        var hardwareChanged = contraindicated.Any(f => HardwareFindings.Contains(f.Code));
        var software = platform.Findings.Where(f => !HardwareFindings.Contains(f.Code)).ToList();
        var vector = TrustVector.Empty
            .With(TrustCategory.InstanceIdentity, Approved)
            .With(TrustCategory.Hardware, hardwareChanged ? Contraindicated : Approved);
        if (software.Any(f => f.Severity == FindingSeverity.Contraindicated)) vector = vector.With(TrustCategory.Executables, Contraindicated);
        else if (software.Count == 0) vector = vector.With(TrustCategory.Executables, Approved);
        if (platform.Next.SecureBoot is { } secureBoot)
            vector = vector.With(TrustCategory.Configuration, secureBoot ? Approved : UnsafeConfiguration);

        var findings = quoteWarnings.Concat(platform.Findings.Select(f => f.AsFinding())).ToList();
        var status = platform.IsContraindicated ? EarStatus.Contraindicated : findings.Count > 0 ? EarStatus.Warning : EarStatus.Affirming;
        var extensions = ResultIssuer.Reasons(findings);
        if (findings.Count == 0) extensions.Clear();
        extensions["geoedge.ima-entries"] = ClaimValues.Build(w => w.WriteNumberValue(platform.Next.ImaEntries));
        if (platform.Next.SecureBoot is { } enabled) extensions["geoedge.secure-boot"] = ClaimValues.Build(w => w.WriteBooleanValue(enabled));
        // The verdict says when the boot log only matched with the Exit Boot Services events the firmware left out of it.
        if (platform.ExitBootServicesWorkaround) extensions["geoedge.boot-log-workaround"] = ClaimValues.FromString("exit-boot-services-not-logged");
        return new EarSubmodule(status, vector, policy, extensions);
    }
}
