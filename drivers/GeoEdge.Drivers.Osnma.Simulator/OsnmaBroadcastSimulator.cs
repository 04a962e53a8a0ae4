using GeoEdge.Drivers.Gnss.Galileo;

namespace GeoEdge.Drivers.Osnma.Simulator;

/// <summary>
/// The transmitter side of Galileo OSNMA (OSNMA SIS ICD 1.1) for a scripted scenario: its own Merkle tree(s), ECDSA
/// keys, TESLA chains and synthetic I/NAV data, broadcast as E1-B pages (<see cref="GalileoPage"/>, valid CRC-24Q)
/// one 2-s slot at a time, every satellite per slot, in time order. Keys, trees and chains are generated in the
/// constructor (a chain is kept whole, at most a week of 30-s keys); pages are produced lazily subframe by subframe,
/// so memory does not grow with the duration. Each <see cref="Pages"/> enumeration is a fresh broadcast of the same
/// keys and chains (DSM-KROOT signatures differ, ECDSA being randomised). Not thread-safe; dispose to drop the keys.
/// </summary>
public sealed class OsnmaBroadcastSimulator : IDisposable
{
    private readonly TrustMaterial _trust;
    private readonly BroadcastTimeline _timeline;

    public OsnmaBroadcastSimulator(OsnmaScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        scenario.Validate();
        Scenario = scenario;
        _trust = new TrustMaterial(scenario);
        try
        {
            _timeline = new BroadcastTimeline(scenario, _trust);
        }
        catch
        {
            _trust.Dispose();
            throw;
        }
        var applicable = scenario.Start.ToUtc();
        var treeA = _trust.Trees[0];
        var treeB = _trust.Trees.Count > 1 ? _trust.Trees[1] : null;
        TrustAnchors = new OsnmaTrustAnchors(
            treeA.Root,
            OsnmaTrustAnchorXml.MerkleTree(treeA, 0, applicable),
            OsnmaTrustAnchorXml.PublicKey(treeA, 0, applicable),
            _trust.InitialKey.PublicKeyId,
            _trust.InitialKey.Type,
            _trust.InitialKey.CompressedPoint,
            treeB?.Root,
            treeB is null ? null : OsnmaTrustAnchorXml.MerkleTree(treeB, 0, applicable));
    }

    public OsnmaScenario Scenario { get; }

    public OsnmaTrustAnchors TrustAnchors { get; }

    /// <summary>Tree A, and tree B when the scenario has a new Merkle tree.</summary>
    public IReadOnlyList<OsnmaMerkleTree> MerkleTrees => _trust.Trees;

    /// <summary>The signing keys in order of use (PKID 1, 2, ...), public halves for tests via <see cref="OsnmaKeyPair.ExportPublicKey"/>.</summary>
    public IReadOnlyList<OsnmaKeyPair> SigningKeys => _trust.Keys;

    /// <summary>The initial chain, then one per chain renewal or revocation, in order.</summary>
    public IReadOnlyList<TeslaChain> Chains => _timeline.Chains;

    public TeslaChain ChainAt(GalileoSystemTime subframeStart) => _timeline.ChainAt(subframeStart);

    public NmaHeader HeaderAt(GalileoSystemTime subframeStart) => _timeline.HeaderAt(subframeStart);

    public OsnmaKeyPair SignerAt(GalileoSystemTime subframeStart) => _timeline.SignerAt(subframeStart);

    /// <summary>The words as sent (tampering applied) or as authenticated (true data), for tests that check tags.</summary>
    public byte[] NavigationWord(int svid, int wordType, GalileoSystemTime subframeStart, bool tampered) =>
        new NavigationModel(Scenario).Word(svid, wordType, subframeStart, subframeStart.AddSeconds(1), tampered);

    public IEnumerable<GalileoPage> Pages()
    {
        var scenario = Scenario;
        var navigation = new NavigationModel(scenario);
        var dsm = new DsmScheduler(_timeline, scenario.Satellites.Count, scenario.DsmDwellSubframes);
        var macks = new MackBuilder(scenario, _timeline, navigation);
        var count = scenario.Satellites.Count;
        for (var subframe = scenario.Start; subframe < scenario.End; subframe = subframe.AddSeconds(OsnmaGst.SubframeSeconds))
        {
            var header = _timeline.HeaderAt(subframe);
            var hkroot = dsm.Hkroot(subframe, header);
            var mack = new byte[count][];
            for (var j = 0; j < count; j++) mack[j] = macks.Build(j, subframe, header.Status);
            for (var k = 0; k < E1bWordSchedule.PagesPerSubframe; k++)
            {
                var pageStart = subframe.AddSeconds(1 + 2 * k);
                var wordType = E1bWordSchedule.WordTypes[k];
                for (var j = 0; j < count; j++)
                {
                    var svid = scenario.Satellites[j];
                    var word = navigation.Word(svid, wordType, subframe, pageStart, tampered: true);
                    var mackBits = (uint)(mack[j][4 * k] << 24 | mack[j][4 * k + 1] << 16 | mack[j][4 * k + 2] << 8 | mack[j][4 * k + 3]);
                    yield return new GalileoPage(svid, pageStart, GalileoSignal.E1B, InavPageEncoder.Encode(word, hkroot[j][k], mackBits));
                }
            }
        }
    }

    public void Dispose() => _trust.Dispose();
}
