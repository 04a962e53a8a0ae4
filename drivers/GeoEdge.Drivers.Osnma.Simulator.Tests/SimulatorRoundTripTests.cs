using System.Diagnostics;
using System.Xml.Linq;
using GeoEdge.Drivers.Gnss.Galileo;
using GeoEdge.Drivers.Gnss.Ubx;

namespace GeoEdge.Drivers.Osnma.Simulator.Tests;

public sealed class SimulatorRoundTripTests
{
    public static TheoryData<OsnmaPublicKeyType, OsnmaHashFunction, OsnmaMacFunction, int, int, int> Configurations => new()
    {
        { OsnmaPublicKeyType.EcdsaP256, OsnmaHashFunction.Sha256, OsnmaMacFunction.HmacSha256, 128, 40, 34 },
        { OsnmaPublicKeyType.EcdsaP521, OsnmaHashFunction.Sha3_256, OsnmaMacFunction.CmacAes, 128, 40, 33 },
        { OsnmaPublicKeyType.EcdsaP521, OsnmaHashFunction.Sha256, OsnmaMacFunction.CmacAes, 256, 20, 34 },
        { OsnmaPublicKeyType.EcdsaP256, OsnmaHashFunction.Sha3_256, OsnmaMacFunction.HmacSha256, 192, 32, 33 },
        { OsnmaPublicKeyType.EcdsaP256, OsnmaHashFunction.Sha256, OsnmaMacFunction.HmacSha256, 96, 40, 35 },
    };

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Every_signature_proof_key_tag_and_macseq_checks_out_receiver_side(
        OsnmaPublicKeyType keyType, OsnmaHashFunction hash, OsnmaMacFunction mac, int keyBits, int tagBits, int maclt)
    {
        var scenario = Scenarios.Nominal(TimeSpan.FromMinutes(20)) with
        {
            KeyType = keyType, Hash = hash, Mac = mac, KeyBits = keyBits, TagBits = tagBits, MacLookupTable = maclt,
        };
        var (simulator, subframes, check) = Scenarios.Run(scenario);
        using var _ = simulator;

        Assert.Equal(6 * 40, subframes.Count);
        Assert.All(check.Kroots, k => Assert.True(k.SignatureValid && k.PaddingValid, $"DSM-KROOT {k.DsmId}"));
        Assert.Contains(check.Kroots, k => k.Kroot.SequenceEqual(simulator.Chains[0].KeyAt(k.Gst0).ToArray()));
        Assert.Equal(39, check.KeysChained);
        Assert.Equal(0, check.KeysBroken);
        Assert.Empty(check.TagFailures);
        Assert.Equal(0, check.MacseqFailed);
        Assert.Equal(6 * 39, check.MacseqVerified);
        Assert.Equal(0, check.TableMismatches);
        var nt = MacLookupTable.TagCount(maclt);
        Assert.True(check.TagsVerified > 6 * 25 * (nt - 1), $"{check.TagsVerified} tags verified");
    }

    [Fact]
    public void Pages_come_in_time_order_every_satellite_every_two_seconds_with_valid_crcs()
    {
        using var simulator = new OsnmaBroadcastSimulator(Scenarios.Nominal(TimeSpan.FromMinutes(2)));
        var pages = simulator.Pages().ToList();

        Assert.Equal(6 * 60, pages.Count);
        Assert.Equal(Scenarios.Start.AddSeconds(1), pages[0].Start);
        Assert.All(pages, p => Assert.True(GalileoInavPage.FromPageBytes(p.Bits.Span).CrcIsValid));
        Assert.All(pages, p => Assert.Equal(1, p.Start.TimeOfWeek % 2));
        Assert.True(pages.Zip(pages.Skip(1)).All(p => p.First.Start <= p.Second.Start));
        Assert.All(pages.GroupBy(p => p.Start), g => Assert.Equal(Scenarios.TwelveSatellites[..6], g.Select(p => p.Svid)));
    }

    [Fact]
    public void Words_1_to_6_and_10_come_every_subframe_with_one_iodnav_and_the_satellite_in_word_4()
    {
        var (simulator, subframes, _) = Scenarios.Run(Scenarios.Nominal(TimeSpan.FromMinutes(3)));
        using var _s = simulator;
        foreach (var s in subframes)
        {
            Assert.Equal(E1bWordSchedule.WordTypes, s.Words.Select(w => InavWordFields.WordType(w)));
            var iods = Enumerable.Range(1, 4).Select(t => MsbBitReader.Read(s.Word(t), 6, 10)).Distinct();
            Assert.Single(iods);
            Assert.Equal((ulong)s.Svid, MsbBitReader.Read(s.Word(4), 16, 6));
        }
    }

    [Fact]
    public void Navigation_data_changes_reset_cop_and_tags_still_verify()
    {
        var scenario = Scenarios.Nominal(TimeSpan.FromMinutes(30)) with { NavigationDataRefresh = TimeSpan.FromMinutes(5) };
        var (simulator, subframes, check) = Scenarios.Run(scenario);
        using var _ = simulator;

        var iods = subframes.Where(s => s.Svid == 2).Select(s => MsbBitReader.Read(s.Word(1), 6, 10)).Distinct().Count();
        Assert.True(iods >= 6, $"{iods} issues of data");
        var cops = subframes.Select(s => MackMessage.Decode(s.Mack, 40, 128).Tag0Cop).ToHashSet();
        Assert.Contains(1, cops);
        Assert.Contains(15, cops);
        Assert.Empty(check.TagFailures);
    }

    [Fact]
    public void One_satellite_sends_dummy_tags_where_the_table_wants_another_satellite()
    {
        var scenario = Scenarios.Nominal(TimeSpan.FromMinutes(10)) with { Satellites = [11], MacLookupTable = 33 };
        var (simulator, subframes, check) = Scenarios.Run(scenario);
        using var _ = simulator;

        Assert.True(check.DummyTags > 0);
        Assert.Empty(check.TagFailures);
        Assert.All(subframes.SelectMany(s => MackMessage.Decode(s.Mack, 40, 128).Tags).Where(t => t.Info.Cop == 0), t => Assert.NotEqual(11, t.Info.PrnD));
        Assert.Contains(check.Kroots, k => k.SignatureValid);
    }

    [Fact]
    public void The_trust_anchor_files_have_the_official_shape_and_prove_the_first_key()
    {
        using var simulator = new OsnmaBroadcastSimulator(Scenarios.Nominal(TimeSpan.FromMinutes(1)) with { KeyType = OsnmaPublicKeyType.EcdsaP521 });
        var anchors = simulator.TrustAnchors;
        var tree = XDocument.Parse(anchors.MerkleTreeXml).Root!.Element("body")!.Element("MerkleTree")!;
        var nodes = tree.Elements("TreeNode").ToDictionary(n => ((int)n.Element("j")!, (int)n.Element("i")!), n => Convert.FromHexString((string)n.Element("x_ji")!));
        var key = tree.Element("PublicKey")!;
        var point = Convert.FromHexString((string)key.Element("point")!);

        Assert.Equal(anchors.MerkleRoot.ToArray(), nodes[(4, 0)]);
        Assert.Equal(16, (int)tree.Element("N")!);
        Assert.Equal("ECDSA P-521/SHA-512", (string)key.Element("PKType")!);
        Assert.Equal(536, (int)key.Element("lengthInBits")!);
        Assert.Equal(anchors.PublicKeyPoint.ToArray(), point);
        var leaf = new OsnmaMerkleLeaf(OsnmaPublicKeyType.EcdsaP521, (int)key.Element("PKID")!, point).ToBytes();
        var itn = Enumerable.Range(0, 4).SelectMany(j => nodes[(j, 1)]).ToArray();
        Assert.Equal(nodes[(4, 0)], OsnmaMerkleTree.RootFromProof(leaf, (int)key.Element("i")!, itn));

        var publicKey = XDocument.Parse(anchors.PublicKeyXml).Root!.Element("body")!.Element("PublicKey")!;
        Assert.Equal(anchors.PublicKeyId, (int)publicKey.Element("PKID")!);
        Assert.Equal(point, Convert.FromHexString((string)publicKey.Element("point")!));
        Assert.Null(anchors.NextMerkleRoot);
    }

    [Fact]
    public void The_compressed_point_decodes_to_the_signing_key()
    {
        using var key = OsnmaKeyPair.Generate(OsnmaPublicKeyType.EcdsaP521, 3);
        using var decoded = EcPoint.Import(key.CompressedPoint);
        var message = new byte[] { 1, 2, 3 };
        Assert.Equal(67, key.CompressedPoint.Length);
        Assert.True(decoded.VerifyData(message, key.Sign(message), System.Security.Cryptography.HashAlgorithmName.SHA512,
            System.Security.Cryptography.DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    [Theory]
    [InlineData(1)]   // TOW not a subframe start
    [InlineData(2)]   // MACLT does not fit key and tag sizes
    [InlineData(3)]   // CMAC with a 96-bit key
    [InlineData(4)]   // chain renewal not on a whole hour
    [InlineData(5)]   // overlapping events
    [InlineData(6)]   // satellite out of range
    public void Invalid_scenarios_are_rejected_with_the_reason(int which)
    {
        var ok = Scenarios.Nominal(TimeSpan.FromHours(1));
        var bad = which switch
        {
            1 => ok with { Start = Scenarios.Start.AddSeconds(2) },
            2 => ok with { KeyBits = 256, TagBits = 40 },
            3 => ok with { Mac = OsnmaMacFunction.CmacAes, KeyBits = 96 },
            4 => ok with { Events = [new ChainRenewalEvent(Scenarios.At(5), Scenarios.At(10))] },
            5 => ok with { Events = [new AlertMessageEvent(Scenarios.At(5)), new ChainRenewalEvent(Scenarios.At(10), Scenarios.At(20))] },
            _ => ok with { Satellites = [37] },
        };
        var error = Assert.Throws<ArgumentException>(() => new OsnmaBroadcastSimulator(bad));
        Assert.StartsWith("OSNMA scenario", error.Message);
    }
}
