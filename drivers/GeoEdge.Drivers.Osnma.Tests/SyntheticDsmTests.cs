using System.Security.Cryptography;
using GeoEdge.Drivers.Osnma.Crypto;
using GeoEdge.Drivers.Osnma.Trust;
using Xunit.Abstractions;

namespace GeoEdge.Drivers.Osnma.Tests;

/// <summary>
/// P-521 keys, public key revocation, a new Merkle tree and the alert message, which the official vectors do not
/// contain: hand-built DSMs (<see cref="TestPki"/>), partly on top of the real configuration_1 broadcast by putting
/// its real public key into our own Merkle tree.
/// </summary>
public sealed class SyntheticDsmTests(ITestOutputHelper output)
{
    private static readonly OsnmaScenario Config1 = OsnmaScenario.Named("configuration_1");
    private const byte OperationalNominal = 0x82; // NMAS 2, CID 0, CPKS 1

    private static byte Header(int nmas, int cid, int cpks) => (byte)((nmas << 6) | (cid << 4) | (cpks << 1));

    [Fact]
    public void A_P521_key_from_a_DSM_PKR_verifies_a_P521_signed_DSM_KROOT()
    {
        using var p521 = ECDsa.Create(ECCurve.NamedCurves.nistP521);
        var pki = new TestPki();
        pki.SetLeaf(4, TestPki.Leaf(3, 5, TestPki.Compress(p521)));
        var events = new List<OsnmaEvent>();
        var receiver = new OsnmaReceiver(new OsnmaTrustAnchors(pki.Root), new OsnmaOptions(), new ReplayTrustedClock(), null, events.Add);
        var pkr = pki.Pkr(4);
        Assert.Equal(16 * 13, pkr.Length); // NB_DP 10: 16 blocks for a 536-bit key
        receiver.AcceptDsm(true, OperationalNominal, pkr);
        Assert.Equal(new[] { 5 }, receiver.Status.VerifiedPublicKeyIds);

        var kroot = TestPki.Kroot(p521, OsnmaKeyType.EcdsaP521, 5, 2, 1258, 100, Header(2, 2, 1));
        Assert.Equal(13 * 13, kroot.Length); // NB_DK 7
        var forged = kroot.ToArray();
        forged[13 + 16 + 10] ^= 1;
        receiver.AcceptDsm(false, Header(2, 2, 1), forged);
        Assert.Equal(1, receiver.Counters.KrootFailed);
        receiver.AcceptDsm(false, Header(2, 2, 1), kroot);
        Assert.Equal(new[] { 2 }, receiver.Status.KnownChainIds);
        Assert.Equal(1, receiver.Counters.KrootVerified);
        foreach (var e in events) output.WriteLine($"{e.Kind}: {e.Message}");
    }

    [Fact]
    public void A_P256_key_signing_a_KROOT_with_the_wrong_header_is_refused()
    {
        using var p256 = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pki = new TestPki();
        pki.SetLeaf(0, TestPki.Leaf(1, 3, TestPki.Compress(p256)));
        var receiver = new OsnmaReceiver(new OsnmaTrustAnchors(pki.Root), new OsnmaOptions(), new ReplayTrustedClock());
        receiver.AcceptDsm(true, OperationalNominal, pki.Pkr(0));
        var kroot = TestPki.Kroot(p256, OsnmaKeyType.EcdsaP256, 3, 1, 1258, 10, Header(2, 1, 1));
        receiver.AcceptDsm(false, Header(1, 1, 1), kroot); // the signature covers the NMA header it was broadcast with
        Assert.Equal(1, receiver.Counters.KrootFailed);
        Assert.Empty(receiver.Status.KnownChainIds);
    }

    /// <summary>Our tree: configuration_1's real key (PKID 1) at leaf 0, so the real broadcast verifies under our root.</summary>
    private static (TestPki Pki, OsnmaTrustAnchors Anchors) TreeWithRealKey()
    {
        var real = Config1.Anchors().PublicKey!;
        var pki = new TestPki();
        pki.SetLeaf(0, TestPki.Leaf((int)real.Type, real.Pkid, real.Point));
        return (pki, new OsnmaTrustAnchors(pki.Root, real with { Path = pki.PathOf(0) }));
    }

    private static List<Gnss.Galileo.GalileoPage> Minutes(int from, int to) =>
        Config1.Pages.Where(p => p.Start - Config1.Pages[0].Start >= from * 60 && p.Start - Config1.Pages[0].Start < to * 60).ToList();

    [Fact]
    public void Public_key_revocation_drops_the_old_key_its_chain_and_what_it_authenticated()
    {
        var (pki, anchors) = TreeWithRealKey();
        using var replacement = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        pki.SetLeaf(1, TestPki.Leaf(1, 2, TestPki.Compress(replacement)));
        var events = new List<OsnmaEvent>();
        var receiver = Config1.Receiver(anchors with { MerkleRoot = pki.Root, PublicKey = anchors.PublicKey! with { Path = pki.PathOf(0) } }, events);
        OsnmaScenario.Feed(receiver, Minutes(0, 10));
        Assert.Contains(receiver.Satellites, s => s.NavDataAuthenticatedAt is not null);
        var tagsBefore = receiver.Counters.TagsAuthenticated;
        Assert.True(tagsBefore > 0);

        receiver.AcceptDsm(true, Header(3, 3, 5), pki.Pkr(1)); // NMAS don't use, CPKS PKREV, new key 2
        Assert.Equal(new[] { 2 }, receiver.Status.VerifiedPublicKeyIds);
        Assert.Empty(receiver.Status.KnownChainIds);
        Assert.Contains(events, e => e.Kind == OsnmaEventKinds.PublicKeyRevoked);
        Assert.All(receiver.Satellites, s => Assert.Null(s.NavDataAuthenticatedAt));

        OsnmaScenario.Feed(receiver, Minutes(10, 20));
        Assert.Equal(tagsBefore, receiver.Counters.TagsAuthenticated);
        Assert.Empty(receiver.Status.KnownChainIds); // the broadcast KROOT is signed by the revoked key 1
    }

    [Fact]
    public void A_new_Merkle_tree_is_reported_and_its_keys_are_not_trusted()
    {
        var (_, anchors) = TreeWithRealKey();
        var newTree = new TestPki();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        newTree.SetLeaf(2, TestPki.Leaf(1, 4, TestPki.Compress(key)));
        var events = new List<OsnmaEvent>();
        var receiver = Config1.Receiver(anchors, events);
        receiver.AcceptDsm(true, Header(2, 3, 6), newTree.Pkr(2)); // CPKS NMT
        Assert.Equal(new[] { 1 }, receiver.Status.VerifiedPublicKeyIds);
        Assert.Contains(events, e => e.Kind == OsnmaEventKinds.NewMerkleTree && e.Message.Contains("new Merkle tree", StringComparison.Ordinal));
        OsnmaScenario.Feed(receiver, Minutes(0, 5));
        Assert.True(receiver.Counters.TagsAuthenticated > 0); // the old key keeps working until it is revoked
    }

    [Fact]
    public void The_alert_message_drops_all_keys_and_nothing_is_authenticated_after_it()
    {
        var (pki, anchors) = TreeWithRealKey();
        pki.SetLeaf(9, TestPki.AlertLeaf(0));
        anchors = anchors with { MerkleRoot = pki.Root, PublicKey = anchors.PublicKey! with { Path = pki.PathOf(0) } };
        var events = new List<OsnmaEvent>();
        var receiver = Config1.Receiver(anchors, events);
        OsnmaScenario.Feed(receiver, Minutes(0, 10));
        var tagsBefore = receiver.Counters.TagsAuthenticated;
        Assert.True(tagsBefore > 0);

        var forgedAlert = pki.Pkr(9);
        forgedAlert[140] ^= 1; // not the leaf in the tree: must not raise the alert
        receiver.AcceptDsm(true, Header(3, 3, 7), forgedAlert);
        Assert.False(receiver.Status.AlertReceived);

        receiver.AcceptDsm(true, Header(3, 3, 7), pki.Pkr(9));
        Assert.True(receiver.Status.AlertReceived);
        Assert.Empty(receiver.Status.VerifiedPublicKeyIds);
        Assert.Empty(receiver.Status.KnownChainIds);
        Assert.Contains(events, e => e.Kind == OsnmaEventKinds.AlertMessage);

        receiver.AcceptDsm(true, OperationalNominal, pki.Pkr(0)); // even a valid key afterwards is not taken
        OsnmaScenario.Feed(receiver, Minutes(10, 20));
        Assert.Equal(tagsBefore, receiver.Counters.TagsAuthenticated);
        Assert.Empty(receiver.Status.VerifiedPublicKeyIds);
        Assert.All(receiver.Satellites, s => Assert.Null(s.NavDataAuthenticatedAt));
    }
}
