using GeoEdge.Drivers.Gnss.Galileo;
using static GeoEdge.Drivers.Osnma.Simulator.Tests.Scenarios;

namespace GeoEdge.Drivers.Osnma.Simulator.Tests;

/// <summary>Each scripted event as a receiver sees it; the scenario starts at 03:40 GST, so At(20) is 04:00.</summary>
public sealed class ScriptedEventTests
{
    [Fact]
    public void Chain_renewal_announces_the_new_chain_then_switches_keys_seamlessly()
    {
        var (simulator, _, check) = Run(Nominal(TimeSpan.FromMinutes(40), new ChainRenewalEvent(At(5), At(20))));
        using var _s = simulator;

        Assert.Equal(new NmaHeader(OsnmaNmaStatus.Operational, 0, OsnmaChainAndKeyStatus.Nominal), Header(check, At(4)));
        Assert.Equal(new NmaHeader(OsnmaNmaStatus.Operational, 0, OsnmaChainAndKeyStatus.EndOfChain), Header(check, At(19)));
        Assert.Equal(new NmaHeader(OsnmaNmaStatus.Operational, 1, OsnmaChainAndKeyStatus.Nominal), Header(check, At(20)));
        var announced = check.Kroots.Where(k => k.ChainId == 1 && k.CompletedAt < At(20)).ToList();
        Assert.NotEmpty(announced);
        Assert.All(announced, k => Assert.True(k.SignatureValid && k.PaddingValid && k.Gst0 == At(20).AddSeconds(-30)));
        Assert.Contains(check.Kroots, k => k.ChainId == 0 && k.CompletedAt > At(5) && k.CompletedAt < At(20));
        Assert.Equal(79, check.KeysChained);
        Assert.Equal(0, check.KeysBroken);
        Assert.Empty(check.TagFailures);
        Assert.Equal(0, check.MacseqFailed);
    }

    [Fact]
    public void Chain_revocation_says_dont_use_until_the_new_chain_and_resends_the_public_key()
    {
        var (simulator, _, check) = Run(Nominal(TimeSpan.FromMinutes(40), new ChainRevocationEvent(At(5), At(20), At(30))));
        using var _s = simulator;

        Assert.Equal(new NmaHeader(OsnmaNmaStatus.DontUse, 0, OsnmaChainAndKeyStatus.ChainRevoked), Header(check, At(5)));
        Assert.Equal(new NmaHeader(OsnmaNmaStatus.Operational, 1, OsnmaChainAndKeyStatus.ChainRevoked), Header(check, At(20)));
        Assert.Equal(new NmaHeader(OsnmaNmaStatus.Operational, 1, OsnmaChainAndKeyStatus.Nominal), Header(check, At(30)));
        Assert.Contains(check.Kroots, k => k.ChainId == 1 && k.CompletedAt < At(20) && k.SignatureValid
            && NmaHeader.FromByte(k.NmaHeader).Status == OsnmaNmaStatus.DontUse);
        var pkr = Assert.Single(check.Pkrs.DistinctBy(p => p.DsmId));
        Assert.True(pkr.CompletedAt >= At(20));
        Assert.Equal(simulator.TrustAnchors.MerkleRoot.ToArray(), pkr.ProvenRoot);
        Assert.Equal(0, check.KeysBroken);
        Assert.Empty(check.TagFailures);
    }

    [Fact]
    public void New_public_key_is_proven_by_the_tree_then_signs_the_kroots()
    {
        var (simulator, _, check) = Run(Nominal(TimeSpan.FromMinutes(30), new NewPublicKeyEvent(At(5), At(15), At(25), OsnmaPublicKeyType.EcdsaP521)));
        using var _s = simulator;

        Assert.Equal(OsnmaChainAndKeyStatus.NewPublicKey, Header(check, At(5)).Cpks);
        Assert.Equal(OsnmaChainAndKeyStatus.Nominal, Header(check, At(25)).Cpks);
        var pkr = Assert.Single(check.Pkrs.DistinctBy(p => p.DsmId));
        Assert.Equal((OsnmaPublicKeyType.EcdsaP521, 2), (pkr.Type, pkr.PublicKeyId));
        Assert.Equal(simulator.TrustAnchors.MerkleRoot.ToArray(), pkr.ProvenRoot);
        Assert.True(pkr.PaddingValid);
        Assert.All(check.Kroots, k => Assert.True(k.SignatureValid && k.PaddingValid));
        Assert.All(check.Kroots.Where(k => k.CompletedAt < At(15)), k => Assert.Equal(1, k.PublicKeyId));
        Assert.Contains(check.Kroots, k => k.PublicKeyId == 2 && k.CompletedAt >= At(15));
        Assert.Empty(check.TagFailures);
    }

    [Fact]
    public void Public_key_revocation_says_dont_use_and_resigns_with_the_new_key()
    {
        var (simulator, _, check) = Run(Nominal(TimeSpan.FromMinutes(25), new PublicKeyRevocationEvent(At(5), At(15), OsnmaPublicKeyType.EcdsaP256)));
        using var _s = simulator;

        Assert.Equal(new NmaHeader(OsnmaNmaStatus.DontUse, 0, OsnmaChainAndKeyStatus.PublicKeyRevoked), Header(check, At(5)));
        Assert.Equal(new NmaHeader(OsnmaNmaStatus.Operational, 0, OsnmaChainAndKeyStatus.Nominal), Header(check, At(15)));
        var pkr = Assert.Single(check.Pkrs.DistinctBy(p => p.DsmId));
        Assert.Equal(2, pkr.PublicKeyId);
        Assert.Equal(simulator.TrustAnchors.MerkleRoot.ToArray(), pkr.ProvenRoot);
        Assert.All(check.Kroots.Where(k => k.CompletedAt >= At(5)), k => Assert.Equal(2, k.PublicKeyId));
        Assert.All(check.Kroots, k => Assert.True(k.SignatureValid));
        Assert.Empty(check.TagFailures);
    }

    [Fact]
    public void New_merkle_tree_keys_prove_only_against_the_next_root()
    {
        var (simulator, _, check) = Run(Nominal(TimeSpan.FromMinutes(30), new NewMerkleTreeEvent(At(5), At(15), At(25), OsnmaPublicKeyType.EcdsaP256)));
        using var _s = simulator;
        var anchors = simulator.TrustAnchors;

        Assert.NotNull(anchors.NextMerkleRoot);
        Assert.Contains(Convert.ToHexString(anchors.NextMerkleRoot!.Value.Span), anchors.NextMerkleTreeXml);
        Assert.Equal(OsnmaChainAndKeyStatus.NewMerkleTree, Header(check, At(5)).Cpks);
        var pkr = Assert.Single(check.Pkrs.DistinctBy(p => p.DsmId));
        Assert.Equal(anchors.NextMerkleRoot.Value.ToArray(), pkr.ProvenRoot);
        Assert.NotEqual(anchors.MerkleRoot.ToArray(), pkr.ProvenRoot);
        Assert.Contains(check.Kroots, k => k.PublicKeyId == pkr.PublicKeyId && k.SignatureValid && k.CompletedAt >= At(15));
        Assert.Empty(check.TagFailures);
    }

    [Fact]
    public void Alert_message_replaces_hkroot_with_the_alert_leaf_under_dont_use()
    {
        var (simulator, _, check) = Run(Nominal(TimeSpan.FromMinutes(20), new AlertMessageEvent(At(10))));
        using var _s = simulator;

        Assert.Equal(new NmaHeader(OsnmaNmaStatus.DontUse, 0, OsnmaChainAndKeyStatus.AlertMessage), Header(check, At(10)));
        Assert.Equal(new NmaHeader(OsnmaNmaStatus.DontUse, 0, OsnmaChainAndKeyStatus.AlertMessage), Header(check, At(19)));
        var alert = Assert.Single(check.Pkrs.DistinctBy(p => p.DsmId));
        Assert.Equal((OsnmaPublicKeyType.AlertMessage, 15), (alert.Type, alert.MessageId));
        Assert.Equal(OsnmaMerkleLeaf.AlertMessageNpkBytes, alert.Npk.Length);
        Assert.Equal(simulator.TrustAnchors.MerkleRoot.ToArray(), alert.ProvenRoot);
        Assert.DoesNotContain(check.Kroots, k => k.CompletedAt >= At(10));
    }

    [Fact]
    public void Dont_use_period_marks_only_its_subframes()
    {
        var (simulator, _, check) = Run(Nominal(TimeSpan.FromMinutes(15), new DontUsePeriodEvent(At(5), At(10))) with { Status = OsnmaNmaStatus.Test });
        using var _s = simulator;

        Assert.Equal(OsnmaNmaStatus.Test, Header(check, At(4)).Status);
        Assert.Equal(OsnmaNmaStatus.DontUse, Header(check, At(5)).Status);
        Assert.Equal(OsnmaNmaStatus.DontUse, Header(check, At(10).AddSeconds(-30)).Status);
        Assert.Equal(OsnmaNmaStatus.Test, Header(check, At(10)).Status);
        Assert.Empty(check.TagFailures);
    }

    [Fact]
    public void Tampering_breaks_exactly_the_tags_over_the_altered_data_and_keeps_crcs()
    {
        var scenario = Nominal(TimeSpan.FromMinutes(15),
            new NavigationTamperingEvent(At(5), At(7), [5], TamperTarget.Ephemeris),
            new NavigationTamperingEvent(At(5), At(7), [7], TamperTarget.Timing));
        var (simulator, subframes, check) = Run(scenario); // Collect has checked every CRC
        using var _s = simulator;

        Assert.Contains(check.TagFailures, f => f.PrnD == 5 && f.Adkd == 0);
        Assert.Contains(check.TagFailures, f => f.PrnD == 5 && f.Adkd == 12);
        Assert.Contains(check.TagFailures, f => f.PrnD == 7 && f.Adkd == 4);
        Assert.All(check.TagFailures, f =>
        {
            Assert.True((f.PrnD == 5 && f.Adkd is 0 or 12) || (f.PrnD == 7 && f.Adkd == 4), f.ToString());
            var data = f.Subframe.AddSeconds(-30);
            Assert.True(data >= At(5) && data < At(7), $"{f} covers data of {data}");
        });
        var sent = subframes.Single(s => s.Svid == 5 && s.Start == At(6)).Word(1);
        Assert.NotEqual(simulator.NavigationWord(5, 1, At(6), tampered: false), sent);
        Assert.Equal(simulator.NavigationWord(5, 1, At(6), tampered: true), sent);
        Assert.True(check.TagsVerified > 500, $"{check.TagsVerified} tags verified");
    }

    private static NmaHeader Header(BroadcastCheck check, GalileoSystemTime subframe) =>
        NmaHeader.FromByte(check.HeaderBySubframe[subframe.TotalSeconds]);
}
