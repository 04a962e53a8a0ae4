using System.Security.Cryptography;
using GeoEdge.Drivers.Gnss.Galileo;
using GeoEdge.Drivers.Osnma.Crypto;
using GeoEdge.Drivers.Osnma.Engine;
using GeoEdge.Drivers.Osnma.Messages;
using GeoEdge.Drivers.Osnma.Trust;
using Xunit.Abstractions;

namespace GeoEdge.Drivers.Osnma.Tests;

/// <summary>Malformed and forged input is counted and reported, never thrown, never authenticated.</summary>
public sealed class HostileInputTests(ITestOutputHelper output)
{
    private static readonly OsnmaScenario Config1 = OsnmaScenario.Named("configuration_1");
    private static readonly OsnmaScenario Config2 = OsnmaScenario.Named("configuration_2");

    private static IEnumerable<GalileoPage> Minutes(OsnmaScenario scenario, int minutes) =>
        scenario.Pages.Where(p => p.Start - scenario.Pages[0].Start < minutes * 60);

    [Fact]
    public void Pages_of_wrong_length_signal_svid_or_crc_are_counted_not_thrown()
    {
        var events = new List<OsnmaEvent>();
        var receiver = Config1.Receiver(Config1.Anchors(), events);
        var good = Config1.Pages[0];
        receiver.Process(good with { Bits = new byte[29] });
        receiver.Process(good with { Bits = new byte[31] });
        receiver.Process(good with { Bits = ReadOnlyMemory<byte>.Empty });
        receiver.Process(good with { Svid = 0 });
        receiver.Process(good with { Svid = 37 });
        receiver.Process(good with { Signal = GalileoSignal.E5bI });
        var broken = good.Bits.ToArray();
        broken[5] ^= 1;
        receiver.Process(good with { Bits = broken });
        receiver.Process(good with { Start = good.Start.AddSeconds(1) }); // even TOW: not an E1-B page start
        var c = receiver.Counters;
        Assert.Equal(8, c.Pages);
        Assert.Equal(6, c.MalformedPages);
        Assert.Equal(1, c.IgnoredPages);
        Assert.Equal(1, c.CrcFailures);
        Assert.Equal(6, events.Count(e => e.Kind == OsnmaEventKinds.MalformedPage));
    }

    [Fact]
    public void Garbage_HKROOT_and_MACK_authenticate_nothing()
    {
        var random = new Random(7);
        var garbage = Minutes(Config1, 10).Select(p => PageEditor.Edit(p, b => PageEditor.Write(b, 138, 40, (ulong)random.NextInt64(1L << 40)))).ToList();
        var receiver = Config1.Receiver(Config1.Anchors());
        OsnmaScenario.Feed(receiver, garbage);
        var c = receiver.Counters;
        output.WriteLine($"{c}");
        Assert.Equal(0, c.TagsAuthenticated);
        Assert.Equal(0, c.KrootVerified);
        Assert.Null(c.FirstAuthenticated);
        Assert.True(c.InvalidHeaders + c.DsmBlocksRejected + c.KrootFailed + c.PublicKeysFailed > 0);
    }

    [Fact]
    public void Dsm_blocks_with_bad_counts_or_ids_are_rejected()
    {
        var assembler = new DsmAssembler();
        var block = new byte[13];
        block[0] = 0x00; // NB_DK 0: reserved
        Assert.Null(assembler.Add(0x82, new DsmHeader(0x00), block, out var rejected));
        Assert.Contains("reserved block count", rejected);
        block[0] = 0x10; // NB_DK 1: 7 blocks
        Assert.Null(assembler.Add(0x82, new DsmHeader(0x00), block, out rejected));
        Assert.Null(rejected);
        Assert.Null(assembler.Add(0x82, new DsmHeader(0x09), new byte[13], out rejected));
        Assert.Contains("beyond its 7 blocks", rejected);
        block[0] = 0x50; // DSM-PKR with NB_DP 5: reserved
        Assert.Null(assembler.Add(0x82, new DsmHeader(0xC0), block, out rejected));
        Assert.NotNull(rejected);
        Assert.Equal(1, assembler.PartialCount);
    }

    [Fact]
    public void Complete_DSMs_of_the_wrong_shape_are_rejected()
    {
        var events = new List<OsnmaEvent>();
        var receiver = Config2.Receiver(Config2.Anchors(withPublicKey: false), events);
        receiver.AcceptDsm(false, 0x82, RandomNumberGenerator.GetBytes(104));
        receiver.AcceptDsm(true, 0x82, RandomNumberGenerator.GetBytes(169));
        receiver.AcceptDsm(true, 0x82, new byte[13]);
        var c = receiver.Counters;
        Assert.True(c.KrootFailed + c.PublicKeysFailed >= 2);
        Assert.Empty(receiver.Status.VerifiedPublicKeyIds);
        Assert.Empty(receiver.Status.KnownChainIds);
    }

    [Fact]
    public void A_DSM_PKR_with_a_bad_Merkle_path_is_rejected()
    {
        var pki = new TestPki();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        pki.SetLeaf(3, TestPki.Leaf(1, 9, TestPki.Compress(key)));
        var events = new List<OsnmaEvent>();
        var receiver = Config2.Receiver(Config2.Anchors(withPublicKey: false), events); // the real root, not ours
        receiver.AcceptDsm(true, 0x82, pki.Pkr(3));
        Assert.Equal(1, receiver.Counters.PublicKeysFailed);
        Assert.Empty(receiver.Status.VerifiedPublicKeyIds);
        Assert.Contains(events, e => e.Kind == OsnmaEventKinds.PublicKeyRejected && e.Message.Contains("Merkle", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(20)] // KROOT
    [InlineData(40)] // signature
    [InlineData(100)] // padding
    public void A_forged_DSM_KROOT_is_rejected(int byteToFlip)
    {
        var anchors = Config2.Anchors(withPublicKey: true, withKroot: true);
        var forged = anchors.Kroot!.Dsm.ToArray();
        forged[byteToFlip] ^= 0x04;
        var events = new List<OsnmaEvent>();
        var receiver = Config2.Receiver(anchors with { Kroot = null }, events);
        receiver.AcceptDsm(false, anchors.Kroot.NmaHeader, forged);
        Assert.Equal(1, receiver.Counters.KrootFailed);
        Assert.Empty(receiver.Status.KnownChainIds);
        Assert.Contains(events, e => e.Kind == OsnmaEventKinds.KrootRejected);
        receiver.AcceptDsm(false, anchors.Kroot.NmaHeader, anchors.Kroot.Dsm);
        Assert.Equal(new[] { 0 }, receiver.Status.KnownChainIds);
    }

    [Fact]
    public void A_TESLA_key_not_on_the_chain_is_rejected_and_authenticates_nothing()
    {
        // MACK bit 400 lies in the TESLA key (bits 336..463 for MACLT 33 with 40-bit tags); it is page 12, page bit 146 + 16.
        var victim = 5;
        var pages = Minutes(Config1, 10).Select(p => p.Svid == victim && p.Start.TimeOfWeek % 30 / 2 == 12
            ? PageEditor.Edit(p, b => PageEditor.Flip(b, 146 + 16)) : p).ToList();
        var events = new List<OsnmaEvent>();
        var receiver = Config1.Receiver(Config1.Anchors(), events);
        OsnmaScenario.Feed(receiver, pages);
        var c = receiver.Counters;
        output.WriteLine($"{c}");
        Assert.True(c.TeslaKeysFailed > 0);
        Assert.Contains(events, e => e.Kind == OsnmaEventKinds.TeslaKeyRejected && e.Message.StartsWith($"E{victim:00}", StringComparison.Ordinal));
        Assert.Equal(0, c.TagsFailed); // tags are only ever checked with verified keys
        Assert.True(c.TagsAuthenticated > 0);
    }

    [Fact]
    public void Without_trusted_time_nothing_is_authenticated()
    {
        var receiver = new OsnmaReceiver(Config1.Anchors(), new OsnmaOptions(), new NoTime());
        OsnmaScenario.Feed(receiver, Minutes(Config1, 10));
        var c = receiver.Counters;
        Assert.Equal(0, c.TagsAuthenticated);
        Assert.True(c.TagsWithoutTrustedTime > 0);
        Assert.False(receiver.Status.HasTrustedTime);
    }

    [Fact]
    public void A_signal_40_seconds_late_keeps_only_slow_MAC_tags()
    {
        // Trusted time runs 40 s ahead of the signal: ADKD 0/4 keys (30 s later) could already be known, slow-MAC keys (330 s) not.
        var receiver = new OsnmaReceiver(Config1.Anchors(), new OsnmaOptions(), new LateClock(40));
        OsnmaScenario.Feed(receiver, Minutes(Config1, 15));
        var c = receiver.Counters;
        output.WriteLine($"{c}");
        Assert.True(c.TagsUntimely > 0);
        Assert.Equal(0, c.TagsFailed);
        Assert.True(c.TagsAuthenticated > 0); // ADKD 12 only
        Assert.All(receiver.Satellites, s => Assert.Null(s.TimingAuthenticatedAt)); // ADKD 4 has no slow MAC
    }

    [Fact]
    public void A_signal_later_than_the_slow_MAC_delay_authenticates_nothing()
    {
        var receiver = new OsnmaReceiver(Config1.Anchors(), new OsnmaOptions(), new LateClock(400));
        OsnmaScenario.Feed(receiver, Minutes(Config1, 15));
        var c = receiver.Counters;
        Assert.Equal(0, c.TagsAuthenticated);
        Assert.True(c.TagsUntimely > 0);
    }

    private sealed class NoTime : ITrustedClock
    {
        public TrustedTime? Now() => null;
    }

    /// <summary>Trusted time = the page's start plus a fixed delay: the signal arrives that late (a replay).</summary>
    private sealed class LateClock(long delaySeconds) : ITrustedClock, IPageClock
    {
        private GalileoSystemTime? _now;
        public TrustedTime? Now() => _now is { } t ? new TrustedTime(t, TimeSpan.Zero) : null;
        void IPageClock.OnPage(GalileoSystemTime pageStart) => _now = pageStart.AddSeconds(delaySeconds);
    }
}
