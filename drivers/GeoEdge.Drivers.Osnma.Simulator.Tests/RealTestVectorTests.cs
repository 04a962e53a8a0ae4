using System.Security.Cryptography;
using System.Xml.Linq;
using GeoEdge.Drivers.Gnss.Galileo;

namespace GeoEdge.Drivers.Osnma.Simulator.Tests;

/// <summary>The simulator's Merkle, DSM, TESLA and tag functions reproduce the official OSNMA test vectors.</summary>
public sealed class RealTestVectorTests
{
    [Theory]
    [InlineData("configuration_1")]
    [InlineData("configuration_2")]
    [InlineData("crev_step1")]
    [InlineData("npk_step3")]
    public void The_real_public_key_leaf_hashes_up_to_the_real_merkle_root(string scenario)
    {
        var xml = XDocument.Load(Path.Combine(TestData.Osnma(scenario), "OSNMA_MerkleTree.xml"));
        var tree = xml.Descendants("MerkleTree").Single();
        var key = tree.Element("PublicKey")!;
        var index = (int)key.Element("i")!;
        var nodes = tree.Elements("TreeNode").ToDictionary(n => ((int)n.Element("j")!, (int)n.Element("i")!), n => Convert.FromHexString((string)n.Element("x_ji")!));
        var leaf = new OsnmaMerkleLeaf(OsnmaPublicKeyType.EcdsaP256, (int)key.Element("PKID")!, Convert.FromHexString((string)key.Element("point")!)).ToBytes();
        var itn = Enumerable.Range(0, 4).SelectMany(j => nodes[(j, (index >> j) ^ 1)]).ToArray();

        Assert.Equal(nodes[(4, 0)], OsnmaMerkleTree.RootFromProof(leaf, index, itn));
        itn[5] ^= 1;
        Assert.NotEqual(nodes[(4, 0)], OsnmaMerkleTree.RootFromProof(leaf, index, itn));
    }

    [Fact]
    public void The_real_dsm_kroot_of_configuration_2_verifies_with_the_pkid_2_key_and_its_padding_holds()
    {
        var lines = File.ReadAllLines(Path.Combine(TestData.Osnma("configuration_2"), "OSNMA_start_KROOT.txt"));
        var dsm = Convert.FromHexString(lines[0].Trim());
        var header = Convert.FromHexString(lines[1].Trim())[0];
        var point = PointFromKeyFile("configuration_2", "OSNMA_PublicKey_2.xml");
        using var key = EcPoint.Import(point);

        Assert.Equal(DsmKroot.BlockCount(128, OsnmaPublicKeyType.EcdsaP256) * 13, dsm.Length);
        var message = DsmKroot.SignedMessage(header, dsm, 128);
        var signature = dsm.AsSpan(29, 64).ToArray();
        Assert.True(key.VerifyData(message, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        Assert.Equal(dsm[93..], SHA256.HashData([.. message, .. signature])[..11]);
        message[^1] ^= 1;
        Assert.False(key.VerifyData(message, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    [Fact]
    public void Configuration_1_chain_keys_hash_down_to_the_broadcast_kroot_and_its_tags_and_macseq_recompute()
    {
        var subframes = Read("configuration_1", minutes: 12);
        var point = PointFromKeyFile("configuration_1", "OSNMA_PublicKey.xml");
        var check = BroadcastCheck.Run(subframes, pkid => pkid == 1 ? point : null);

        var kroot = Assert.Single(check.Kroots.DistinctBy(k => k.DsmId));
        Assert.True(kroot.SignatureValid && kroot.PaddingValid);
        Assert.Equal(33, kroot.MacLookupTable);
        Assert.True(check.KeysChained >= 20, $"{check.KeysChained} keys chained");
        Assert.Equal(0, check.KeysBroken);
        Assert.True(check.TagsVerified > 500, $"{check.TagsVerified} tags verified");
        Assert.True(check.MacseqVerified > 200, $"{check.MacseqVerified} MACSEQ verified");
        Assert.Equal(0, check.MacseqFailed);
        Assert.Equal(0, check.TableMismatches);
        // Data changes inside the window make a few tags cover a newer issue than the previous subframe; none else fail.
        Assert.True(check.TagFailures.Count * 100 < check.TagsVerified, $"{check.TagFailures.Count} tags failed");
    }

    [Fact]
    public void Configuration_2_flexible_macseq_and_dsm_pkr_recompute()
    {
        var subframes = Read("configuration_2", minutes: 12);
        var xml = XDocument.Load(Path.Combine(TestData.Osnma("configuration_2"), "OSNMA_MerkleTree.xml"));
        var root = Convert.FromHexString((string)xml.Descendants("TreeNode").First(n => (int)n.Element("j")! == 4).Element("x_ji")!);
        var point = PointFromKeyFile("configuration_2", "OSNMA_PublicKey_2.xml");
        var check = BroadcastCheck.Run(subframes, pkid => pkid == 2 ? point : null);

        var pkr = check.Pkrs.First();
        Assert.Equal(root, pkr.ProvenRoot);
        Assert.True(pkr.PaddingValid);
        Assert.Equal(point, pkr.Npk);
        Assert.Contains(check.Kroots, k => k.SignatureValid && k.PaddingValid && k.MacLookupTable == 34);
        Assert.True(check.MacseqVerified > 200, $"{check.MacseqVerified} MACSEQ verified");
        Assert.Equal(0, check.MacseqFailed);
        Assert.Equal(0, check.KeysBroken);
    }

    /// <summary>
    /// The point of a GSC public key file. OSNMA_PublicKey_2.xml of configuration_2 is not well-formed XML (several root
    /// elements, no signalData wrapper), so the point is cut out of the text rather than parsed.
    /// </summary>
    private static byte[] PointFromKeyFile(string scenario, string file)
    {
        var text = File.ReadAllText(Path.Combine(TestData.Osnma(scenario), file));
        var start = text.IndexOf("<point>", StringComparison.Ordinal) + "<point>".Length;
        return Convert.FromHexString(text[start..text.IndexOf("</point>", start, StringComparison.Ordinal)]);
    }

    private static List<ReceivedSubframe> Read(string scenario, int minutes)
    {
        var file = Directory.GetFiles(TestData.Osnma(scenario), "*.csv.gz").Single();
        var pages = OsnmaTestVectorFile.Read(file);
        var end = pages[0].Start.AddSeconds(60 * minutes);
        // E20 sends dummy words whose OSNMA field is not OSNMA; satellites without OSNMA send zeros (skipped by the check).
        return ReceivedSubframe.Collect(pages.Where(p => p.Start < end && p.Svid != 20));
    }
}
