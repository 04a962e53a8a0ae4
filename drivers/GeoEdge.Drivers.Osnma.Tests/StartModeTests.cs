using GeoEdge.Drivers.Osnma.Trust;
using Xunit.Abstractions;

namespace GeoEdge.Drivers.Osnma.Tests;

/// <summary>Cold, warm and hot starts on the official vectors.</summary>
public sealed class StartModeTests(ITestOutputHelper output)
{
    [Fact]
    public void Configuration1_with_its_public_key_authenticates_clock_and_ephemeris_within_180_seconds()
    {
        var scenario = OsnmaScenario.Named("configuration_1");
        var receiver = scenario.Receiver(scenario.Anchors());
        Assert.Equal(OsnmaStartMode.Warm, receiver.Status.StartMode);
        OsnmaScenario.Feed(receiver, scenario.Pages);
        var c = receiver.Counters;
        var seconds = c.FirstAuthenticated!.Value - c.FirstPage!.Value;
        output.WriteLine($"first authenticated ADKD 0/12 data {seconds} s after the first page (reference implementation: 90 s)");
        Assert.InRange(seconds, 30, 180);
    }

    [Fact]
    public void Configuration2_cold_start_gets_the_public_key_from_the_DSM_PKR()
    {
        var scenario = OsnmaScenario.Named("configuration_2");
        var events = new List<OsnmaEvent>();
        var receiver = scenario.Receiver(scenario.Anchors(withPublicKey: false), events);
        Assert.Equal(OsnmaStartMode.Cold, receiver.Status.StartMode);
        Assert.Empty(receiver.Status.VerifiedPublicKeyIds);
        OsnmaScenario.Feed(receiver, scenario.Pages);
        var c = receiver.Counters;
        output.WriteLine($"cold: {c}");
        Assert.True(c.PublicKeysVerified > 0);
        Assert.Equal(2, receiver.Status.PublicKeyId);
        Assert.Contains(events, e => e.Kind == OsnmaEventKinds.PublicKeyVerified && e.Message.Contains("DSM-PKR", StringComparison.Ordinal));
        Assert.True(c.TagsAuthenticated > 1000);
        Assert.Equal(0, c.TagsFailed);
    }

    [Fact]
    public void Configuration2_hot_start_with_the_start_KROOT_authenticates_sooner_than_cold()
    {
        var scenario = OsnmaScenario.Named("configuration_2");
        var hot = scenario.Receiver(scenario.Anchors(withPublicKey: true, withKroot: true));
        Assert.Equal(OsnmaStartMode.Hot, hot.Status.StartMode);
        Assert.Contains(0, hot.Status.KnownChainIds);
        var cold = scenario.Receiver(scenario.Anchors(withPublicKey: false));
        var firstTenMinutes = scenario.Pages.Where(p => p.Start - scenario.Pages[0].Start < 600).ToList();
        OsnmaScenario.Feed(hot, firstTenMinutes);
        OsnmaScenario.Feed(cold, firstTenMinutes);
        var hotSeconds = hot.Counters.FirstAuthenticated!.Value - hot.Counters.FirstPage!.Value;
        var coldSeconds = cold.Counters.FirstAuthenticated!.Value - cold.Counters.FirstPage!.Value;
        output.WriteLine($"first authentication: hot {hotSeconds} s, cold {coldSeconds} s");
        Assert.True(hotSeconds < coldSeconds);
        Assert.Equal(0, hot.Counters.TagsFailed);
    }

    [Fact]
    public void A_given_public_key_that_is_not_in_the_Merkle_tree_is_not_used()
    {
        var scenario = OsnmaScenario.Named("configuration_1");
        var anchors = scenario.Anchors();
        var foreignRoot = new byte[32];
        var events = new List<OsnmaEvent>();
        var receiver = scenario.Receiver(anchors with { MerkleRoot = foreignRoot }, events);
        Assert.Equal(OsnmaStartMode.Cold, receiver.Status.StartMode);
        Assert.Contains(events, e => e.Kind == OsnmaEventKinds.AnchorRejected);
        OsnmaScenario.Feed(receiver, scenario.Pages.Take(26 * 300));
        Assert.Equal(0, receiver.Counters.TagsAuthenticated);
    }

    [Fact]
    public void Trust_anchor_files_load_with_the_key_path_from_the_tree()
    {
        var scenario = OsnmaScenario.Named("configuration_2");
        var anchors = scenario.Anchors(withPublicKey: true, withKroot: true);
        Assert.Equal(32, anchors.MerkleRoot.Length);
        Assert.Equal(2, anchors.PublicKey!.Pkid);
        Assert.Equal(1, anchors.PublicKey.Path!.LeafIndex);
        Assert.True(anchors.PublicKey.Path.Proves(anchors.PublicKey, anchors.MerkleRoot));
        Assert.Equal(0x82, anchors.Kroot!.NmaHeader);
        Assert.Equal(104, anchors.Kroot.Dsm.Length);
        var tree = OsnmaMerkleTreeFile.Read(scenario.MerkleTree);
        Assert.Single(tree.PublicKeys);
    }
}
