using Xunit.Abstractions;

namespace GeoEdge.Drivers.Osnma.Tests;

/// <summary>A spoofer that changes one satellite's ephemeris (and fixes the CRC) is caught by the tags.</summary>
public sealed class TamperingTests(ITestOutputHelper output)
{
    [Fact]
    public void Flipped_ephemeris_bit_fails_that_satellites_tags_and_leaves_the_others_authenticated()
    {
        var scenario = OsnmaScenario.Named("configuration_1");
        var honest = scenario.Receiver(scenario.Anchors());
        OsnmaScenario.Feed(honest, scenario.Pages);
        var honestlyAuthenticated = honest.Satellites.Where(s => s.NavDataAuthenticatedAt is not null).Select(s => s.Svid).ToList();
        var victim = honestlyAuthenticated.Min();

        // Word type 1, bit 40 of the word (inside M0), is page bit 42: change it in every WT1 page of the victim.
        var tampered = scenario.Pages.Select(p => p.Svid == victim && PageEditor.WordType(p) == 1 ? PageEditor.Edit(p, b => PageEditor.Flip(b, 42)) : p).ToList();
        var events = new List<OsnmaEvent>();
        var receiver = scenario.Receiver(scenario.Anchors(), events);
        OsnmaScenario.Feed(receiver, tampered);

        var c = receiver.Counters;
        output.WriteLine($"victim E{victim:00}; {c}");
        Assert.Equal(0, c.CrcFailures);
        Assert.True(c.TagsFailed > 0);
        var failures = events.Where(e => e.Kind == OsnmaEventKinds.TagFailed).ToList();
        Assert.All(failures, e => Assert.Contains($"navigation data of E{victim:00}", e.Message, StringComparison.Ordinal));
        Assert.Null(receiver.Satellites.Single(s => s.Svid == victim).NavDataAuthenticatedAt);
        var stillAuthenticated = receiver.Satellites.Where(s => s.NavDataAuthenticatedAt is not null).Select(s => s.Svid).ToList();
        Assert.Equal(honestlyAuthenticated.Where(s => s != victim), stillAuthenticated);
    }

    [Fact]
    public void Data_changed_after_authentication_is_no_longer_current()
    {
        var scenario = OsnmaScenario.Named("configuration_1");
        var receiver = scenario.Receiver(scenario.Anchors());
        var start = scenario.Pages[0].Start;
        OsnmaScenario.Feed(receiver, scenario.Pages.Where(p => p.Start - start < 50 * 60));
        var victim = receiver.Satellites.First(s => s.NavDataCurrent);
        OsnmaScenario.Feed(receiver, scenario.Pages.Where(p => p.Start - start >= 50 * 60)
            .Select(p => p.Svid == victim.Svid && PageEditor.WordType(p) == 1 ? PageEditor.Edit(p, b => PageEditor.Flip(b, 42)) : p));
        var after = receiver.Satellites.Single(s => s.Svid == victim.Svid);
        output.WriteLine($"E{victim.Svid:00} authenticated at {after.NavDataAuthenticatedAt}, current {after.NavDataCurrent}");
        Assert.False(after.NavDataCurrent);
        Assert.Contains(receiver.Satellites, s => s.Svid != victim.Svid && s.NavDataCurrent);
    }
}
