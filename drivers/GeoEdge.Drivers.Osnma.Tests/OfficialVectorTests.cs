using Xunit.Abstractions;

namespace GeoEdge.Drivers.Osnma.Tests;

/// <summary>
/// Every official test-vector scenario must verify without a single failure (README expectations), and land in the
/// same order of magnitude as the reference implementation's counts (which use their own counting rules).
/// </summary>
public sealed class OfficialVectorTests(ITestOutputHelper output)
{
    // README reference: tags authenticated, KROOTs verified, subframes operational/test/don't use.
    public static TheoryData<string, bool, int, int, int, int, int> Scenarios => new()
    {
        { "configuration_1", true, 12532, 176, 0, 118, 0 },
        { "configuration_2", false, 11427, 115, 105, 0, 0 },
        { "eoc_step1", true, 13638, 183, 119, 0, 0 },
        { "eoc_step2", true, 13200, 230, 119, 0, 0 },
        { "crev_step1", true, 6600, 233, 60, 0, 59 },
        { "crev_step2", true, 6547, 123, 59, 0, 60 },
        { "crev_step3", true, 13601, 198, 116, 0, 0 },
        { "npk_step1", true, 12852, 146, 119, 0, 0 },
        { "npk_step2", true, 13566, 101, 116, 0, 0 },
        { "npk_step3", true, 13475, 160, 116, 0, 0 },
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Scenario_verifies_without_failures(string name, bool withPublicKey, int refTags, int refKroots, int refOperational, int refTest, int refDontUse)
    {
        var scenario = OsnmaScenario.Named(name);
        var events = new List<OsnmaEvent>();
        var receiver = scenario.Receiver(scenario.Anchors(withPublicKey), events);
        OsnmaScenario.Feed(receiver, scenario.Pages);
        ScenarioReport.Print(output, name, receiver, events);
        var c = receiver.Counters;
        output.WriteLine($"reference: tags {refTags}, KROOTs {refKroots}, subframes {refOperational}/{refTest}/{refDontUse}; ours: tags {c.TagsAuthenticated}, KROOTs {c.KrootVerified}, subframes {c.SubframesOperational}/{c.SubframesTest}/{c.SubframesDontUse}");

        Assert.Equal(0, c.CrcFailures);
        Assert.Equal(0, c.TagsFailed);
        Assert.Equal(0, c.KrootFailed);
        Assert.Equal(0, c.PublicKeysFailed);
        Assert.Equal(0, c.MacseqFailed);
        Assert.Equal(0, c.TeslaKeysFailed);
        Assert.InRange(c.TagsAuthenticated, refTags / 3, refTags * 3);
        Assert.InRange(c.KrootVerified, refKroots / 3, refKroots * 3);
        Assert.True(c.DistinctNavDataAuthenticated > 0);
        Assert.Equal(refOperational > 0, c.SubframesOperational > 0);
        Assert.Equal(refTest > 0, c.SubframesTest > 0);
        Assert.Equal(refDontUse > 0, c.SubframesDontUse > 0);
        Assert.InRange(c.SubframesOperational + c.SubframesTest + c.SubframesDontUse, 110, 120);
        if (receiver.Status.Nmas != OsnmaNmaStatus.DontUse) // a revoked chain's authentications are forgotten
            Assert.Contains(receiver.Satellites, s => s.NavDataAuthenticatedAt is not null && s.NavDataCurrent);
    }
}
