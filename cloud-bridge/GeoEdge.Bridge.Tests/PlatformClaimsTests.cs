using GeoEdge.Bridge.Appraisal;
using GeoEdge.Bridge.ResultSigning;
using GeoEdge.Bridge.Store;
using GeoEdge.Bridge.Verification;
using GeoEdge.Ear;

namespace GeoEdge.Bridge.Tests;

/// <summary>The platform submodule of an accepted reading, from its appraisal.</summary>
public sealed class PlatformClaimsTests
{
    private static readonly string[] Policy = ["geoedge:platform/v2"];
    private static readonly PlatformState SecureBootOn = new("edge-01", 1) { SecureBoot = true, ImaEntries = 42 };

    private static EarSubmodule Claims(PlatformAppraisal appraisal, params Finding[] quoteWarnings) =>
        PlatformClaims.Accepted(quoteWarnings, appraisal, Policy);

    [Fact]
    public void Nothing_to_remark_is_affirming_with_approved_executables_and_configuration()
    {
        var submodule = Claims(new PlatformAppraisal([], SecureBootOn));

        Assert.Equal(EarStatus.Affirming, submodule.Status);
        Assert.Equal(2, submodule.TrustVector[TrustCategory.Executables]);
        Assert.Equal(2, submodule.TrustVector[TrustCategory.Configuration]);
        Assert.Equal(42, submodule.Extensions["geoedge.ima-entries"].GetInt32());
        Assert.True(submodule.Extensions["geoedge.secure-boot"].GetBoolean());
        Assert.False(submodule.Extensions.ContainsKey("geoedge.reasons"));
        Assert.False(submodule.Extensions.ContainsKey("geoedge.boot-log-workaround"));
    }

    [Fact]
    public void A_contraindicating_finding_contraindicates_the_executables_and_is_named()
    {
        var unapproved = AppraisalFinding.Contra("ima-digest-not-in-policy", "IMA entry 7 /tmp/x");
        var submodule = Claims(new PlatformAppraisal([AppraisalFinding.Warn(FindingCodes.BootPolicyMissing, "none"), unapproved], SecureBootOn with { SecureBoot = false }));

        Assert.Equal(EarStatus.Contraindicated, submodule.Status);
        Assert.Equal(96, submodule.TrustVector[TrustCategory.Executables]);
        Assert.Equal(2, submodule.TrustVector[TrustCategory.Hardware]);
        Assert.Equal(32, submodule.TrustVector[TrustCategory.Configuration]);
        var reasons = submodule.Extensions["geoedge.reasons"].EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.Equal(["boot-policy-missing: none", "ima-digest-not-in-policy: IMA entry 7 /tmp/x"], reasons);
    }

    [Fact]
    public void Missing_evidence_or_a_late_reading_is_a_warning_that_claims_nothing_about_executables()
    {
        var missing = Claims(new PlatformAppraisal([AppraisalFinding.Warn(FindingCodes.BootLogMissing, "asked")], new PlatformState("edge-01", 1)));
        var late = Claims(new PlatformAppraisal([], SecureBootOn), new Finding(FindingCodes.LateReading, "held back"));

        Assert.Equal(EarStatus.Warning, missing.Status);
        Assert.Null(missing.TrustVector[TrustCategory.Executables]);
        Assert.False(missing.Extensions.ContainsKey("geoedge.secure-boot"));
        Assert.Equal(EarStatus.Warning, late.Status);
        Assert.Equal(2, late.TrustVector[TrustCategory.Executables]);
    }

    [Fact]
    public void The_Exit_Boot_Services_workaround_is_stated_in_the_claims()
    {
        var submodule = Claims(new PlatformAppraisal([], SecureBootOn) { ExitBootServicesWorkaround = true });

        Assert.Equal(EarStatus.Affirming, submodule.Status);
        Assert.Equal("exit-boot-services-not-logged", submodule.Extensions["geoedge.boot-log-workaround"].GetString());
    }

    [Fact]
    public void A_changed_composition_contraindicates_the_hardware_not_the_executables()
    {
        var swapped = AppraisalFinding.Contra(FindingCodes.CompositionChanged, "ICCID a -> b (SIM swapped)");
        var submodule = Claims(new PlatformAppraisal([swapped], SecureBootOn));

        Assert.Equal(EarStatus.Contraindicated, submodule.Status);
        Assert.Equal(96, submodule.TrustVector[TrustCategory.Hardware]);
        Assert.Equal(2, submodule.TrustVector[TrustCategory.Executables]);
    }
}
