using System.Security.Cryptography;
using GeoEdge.Drivers.Gnss.Galileo;

namespace GeoEdge.Drivers.Osnma.Simulator;

/// <summary>
/// Everything the scripted events decide for a subframe, as pure functions of its start time: the chain whose key is
/// broadcast, the key that signs DSM-KROOTs, the NMA header and the DSMs to rotate through HKROOT. The rules follow
/// what the official eoc/crev/npk test vectors show (e.g. CREV keeps the revoked chain's keys on the air under
/// NMAS don't-use until the new chain starts, then re-sends the current key's DSM-PKR).
/// </summary>
internal sealed class BroadcastTimeline
{
    /// <summary>Slow-MAC tags need the key 11 subframes later; keys run one subframe past that.</summary>
    private const int KeyMarginSubframes = 12;

    private readonly OsnmaScenario _scenario;
    private readonly TrustMaterial _trust;
    private readonly List<OsnmaScenarioEvent> _exclusive;
    private readonly Dictionary<OsnmaScenarioEvent, TeslaChain> _eventChains = [];
    private readonly List<TeslaChain> _chains = [];

    public BroadcastTimeline(OsnmaScenario scenario, TrustMaterial trust)
    {
        _scenario = scenario;
        _trust = trust;
        _exclusive = scenario.Events.Where(e => e is not (DontUsePeriodEvent or NavigationTamperingEvent)).OrderBy(e => e.At).ToList();
        var lastKey = scenario.End.AddSeconds(KeyMarginSubframes * OsnmaGst.SubframeSeconds);
        var hour = scenario.Start.AddSeconds(-(scenario.Start.TimeOfWeek % 3600));
        _chains.Add(TeslaChain.Generate(Parameters(scenario.InitialChainId), hour, lastKey));
        foreach (var e in _exclusive)
        {
            var start = e switch
            {
                ChainRenewalEvent r => r.NewChainStart,
                ChainRevocationEvent c => c.NewChainStart,
                _ => (GalileoSystemTime?)null,
            };
            if (start is not { } from) continue;
            var chain = TeslaChain.Generate(Parameters((_chains[^1].Parameters.ChainId + 1) % 4), from, lastKey);
            _chains.Add(chain);
            _eventChains[e] = chain;
        }
    }

    public IReadOnlyList<TeslaChain> Chains => _chains;

    public TeslaChain ChainAt(GalileoSystemTime subframe) => _chains.Last(c => c.ApplicableFrom <= subframe);

    public ReadOnlyMemory<byte> KeyBroadcastAt(GalileoSystemTime subframe) => ChainAt(subframe).KeyAt(subframe);

    public OsnmaKeyPair SignerAt(GalileoSystemTime subframe)
    {
        var signer = _trust.InitialKey;
        foreach (var e in _exclusive)
        {
            var switchAt = e switch
            {
                NewPublicKeyEvent k => k.SwitchAt,
                PublicKeyRevocationEvent p => p.At,
                NewMerkleTreeEvent t => t.SwitchAt,
                _ => (GalileoSystemTime?)null,
            };
            if (switchAt is { } at && at <= subframe) signer = _trust.KeyOf(e);
        }
        return signer;
    }

    /// <summary>The tree a receiver should hold now: tree B once a NMT event has switched to its key.</summary>
    public OsnmaMerkleTree TreeAt(GalileoSystemTime subframe) =>
        _exclusive.OfType<NewMerkleTreeEvent>().Any(t => t.SwitchAt <= subframe) ? _trust.Trees[1] : _trust.Trees[0];

    public NmaHeader HeaderAt(GalileoSystemTime subframe)
    {
        var active = ActiveEvent(subframe);
        var dontUse = _scenario.Events.OfType<DontUsePeriodEvent>().Any(d => d.At <= subframe && subframe < d.End)
            || active is PublicKeyRevocationEvent or AlertMessageEvent
            || (active is ChainRevocationEvent c && subframe < c.NewChainStart);
        var cpks = active switch
        {
            ChainRenewalEvent => OsnmaChainAndKeyStatus.EndOfChain,
            ChainRevocationEvent => OsnmaChainAndKeyStatus.ChainRevoked,
            NewPublicKeyEvent => OsnmaChainAndKeyStatus.NewPublicKey,
            PublicKeyRevocationEvent => OsnmaChainAndKeyStatus.PublicKeyRevoked,
            NewMerkleTreeEvent => OsnmaChainAndKeyStatus.NewMerkleTree,
            AlertMessageEvent => OsnmaChainAndKeyStatus.AlertMessage,
            _ => OsnmaChainAndKeyStatus.Nominal,
        };
        return new NmaHeader(dontUse ? OsnmaNmaStatus.DontUse : _scenario.Status, ChainAt(subframe).Parameters.ChainId, cpks);
    }

    public IReadOnlyList<DsmSpec> RotationAt(GalileoSystemTime subframe)
    {
        var chain = ChainAt(subframe);
        var signer = SignerAt(subframe);
        var kroot = new KrootSpec(chain, signer);
        return ActiveEvent(subframe) switch
        {
            ChainRenewalEvent r => [kroot, new KrootSpec(_eventChains[r], signer)],
            ChainRevocationEvent c when subframe < c.NewChainStart => [new KrootSpec(_eventChains[c], signer)],
            ChainRevocationEvent => [kroot, Pkr(signer)],
            NewPublicKeyEvent or PublicKeyRevocationEvent or NewMerkleTreeEvent => OrderedWithPkr(kroot, Pkr(_trust.KeyOf(ActiveEvent(subframe)!))),
            AlertMessageEvent => [new PkrSpec(TreeAt(subframe), TrustMaterial.AlertLeaf)],
            _ => [kroot],
        };

        IReadOnlyList<DsmSpec> OrderedWithPkr(DsmSpec k, DsmSpec p) =>
            ActiveEvent(subframe) is PublicKeyRevocationEvent ? [p, k] : [k, p];
    }

    private PkrSpec Pkr(OsnmaKeyPair key)
    {
        var (tree, leaf) = _trust.LeafOf(key);
        return new PkrSpec(tree, leaf);
    }

    private OsnmaScenarioEvent? ActiveEvent(GalileoSystemTime subframe) =>
        _exclusive.LastOrDefault(e => e.At <= subframe && (e.Until is not { } until || subframe < until));

    private TeslaChainParameters Parameters(int chainId)
    {
        var alpha = RandomNumberGenerator.GetBytes(8);
        alpha[0] = alpha[1] = 0;
        return new TeslaChainParameters(chainId, _scenario.Hash, _scenario.Mac, _scenario.KeyBits, _scenario.TagBits,
            _scenario.MacLookupTable, System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(alpha));
    }
}
