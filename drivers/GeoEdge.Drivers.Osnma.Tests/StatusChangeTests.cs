using GeoEdge.Drivers.Osnma.State;
using Xunit.Abstractions;

namespace GeoEdge.Drivers.Osnma.Tests;

/// <summary>Chain revocation, end of chain and new public key on the official vectors.</summary>
public sealed class StatusChangeTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("osnma-status-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Crev_step1_revokes_chain_0_and_authenticates_nothing_after_it()
    {
        var scenario = OsnmaScenario.Named("crev_step1");
        var events = new List<OsnmaEvent>();
        var receiver = scenario.Receiver(scenario.Anchors(), events);
        long? tagsAtRevocation = null;
        foreach (var page in scenario.Pages)
        {
            receiver.Process(page);
            if (tagsAtRevocation is null && events.Any(e => e.Kind == OsnmaEventKinds.ChainRevoked))
            {
                tagsAtRevocation = receiver.Counters.TagsAuthenticated;
                Assert.DoesNotContain(receiver.Satellites, s => s.AuthenticatedWithChain == 0);
                Assert.DoesNotContain(0, receiver.Status.KnownChainIds);
            }
        }
        var c = receiver.Counters;
        output.WriteLine($"{c}");
        Assert.NotNull(tagsAtRevocation);
        Assert.True(tagsAtRevocation > 1000);
        Assert.True(c.SubframesDontUse > 0);
        Assert.Equal(tagsAtRevocation, c.TagsAuthenticated);
        Assert.DoesNotContain(receiver.Satellites, s => s.AuthenticatedWithChain == 0);
        Assert.Equal(0, c.TagsFailed);
    }

    [Fact]
    public void Crev_step2_authenticates_only_with_the_new_chain_after_the_dont_use_period()
    {
        var scenario = OsnmaScenario.Named("crev_step2");
        var receiver = scenario.Receiver(scenario.Anchors());
        var lastDontUse = scenario.Pages[0].Start;
        foreach (var page in scenario.Pages)
        {
            receiver.Process(page);
            if (receiver.Status.Nmas == OsnmaNmaStatus.DontUse) lastDontUse = page.Start;
        }
        var c = receiver.Counters;
        output.WriteLine($"{c}; last don't-use page {lastDontUse}");
        Assert.True(c.SubframesDontUse > 0 && c.SubframesOperational > 0);
        Assert.True(c.FirstAuthenticated > lastDontUse);
        Assert.All(receiver.Satellites.Where(s => s.AuthenticatedWithChain is not null), s => Assert.Equal(1, s.AuthenticatedWithChain));
        Assert.Equal(0, c.TagsFailed);
    }

    [Fact]
    public void Eoc_step1_then_step2_chained_through_the_state_store_has_no_failures()
    {
        var path = Path.Combine(_directory, "state.bin");
        var step1 = OsnmaScenario.Named("eoc_step1");
        var first = step1.Receiver(step1.Anchors(), store: new FileOsnmaStateStore(path));
        OsnmaScenario.Feed(first, step1.Pages);
        Assert.Equal(0, first.Counters.TagsFailed);
        Assert.True(File.Exists(path));

        var step2 = OsnmaScenario.Named("eoc_step2");
        var events = new List<OsnmaEvent>();
        var second = step2.Receiver(step2.Anchors(), events, new FileOsnmaStateStore(path));
        Assert.Equal(OsnmaStartMode.Hot, second.Status.StartMode);
        Assert.Contains(events, e => e.Kind == OsnmaEventKinds.StateLoaded);
        OsnmaScenario.Feed(second, step2.Pages);
        var c = second.Counters;
        ScenarioReport.Print(output, "eoc_step2 after step1", second, events);
        Assert.Equal(0, c.TagsFailed);
        Assert.Equal(0, c.TeslaKeysFailed);
        Assert.Equal(0, c.MacseqFailed);
        Assert.True(c.TagsAuthenticated > 10_000);
        Assert.Equal(0, second.Status.ChainId);
    }

    [Fact]
    public void Npk_moves_the_chain_from_public_key_7_to_8()
    {
        var scenario = OsnmaScenario.Named("npk_step2");
        var receiver = scenario.Receiver(scenario.Anchors());
        var seen = new List<int>();
        foreach (var page in scenario.Pages)
        {
            receiver.Process(page);
            if (receiver.Status.PublicKeyId is { } id && (seen.Count == 0 || seen[^1] != id)) seen.Add(id);
        }
        output.WriteLine($"public key in use: {string.Join(" -> ", seen)}; {receiver.Counters}");
        Assert.Equal(new[] { 7, 8 }, seen);
        Assert.Equal(new[] { 7, 8 }, receiver.Status.VerifiedPublicKeyIds);
        Assert.Equal(0, receiver.Counters.TagsFailed);
    }
}
