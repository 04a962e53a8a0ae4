namespace GeoEdge.Drivers.Osnma.Simulator;

/// <summary>
/// The signing keys a scenario needs and the Merkle trees that certify them. Tree A holds the initial key (leaf 0,
/// PKID 1) and the keys of later NPK/PKREV events in order; a NMT event starts tree B for its key and the events after
/// it. Real keys get PKIDs 1, 2, 3... in order of use. Unused leaves get throw-away P-256 keys (PKID 0, private half
/// discarded) and leaf 15 of each tree is the alert message.
/// </summary>
internal sealed class TrustMaterial : IDisposable
{
    public const int AlertLeaf = 15;
    private readonly List<OsnmaKeyPair> _keys = [];
    private readonly Dictionary<OsnmaScenarioEvent, OsnmaKeyPair> _eventKeys = [];
    private readonly Dictionary<OsnmaKeyPair, (OsnmaMerkleTree Tree, int Leaf)> _leaves = [];

    public TrustMaterial(OsnmaScenario scenario)
    {
        var initial = OsnmaKeyPair.Generate(scenario.KeyType, 1);
        _keys.Add(initial);
        var treeKeys = new List<List<OsnmaKeyPair>> { new() { initial } };
        foreach (var e in scenario.Events.OrderBy(e => e.At))
        {
            var type = e switch
            {
                NewPublicKeyEvent k => k.KeyType,
                PublicKeyRevocationEvent p => p.KeyType,
                NewMerkleTreeEvent t => t.KeyType,
                _ => (OsnmaPublicKeyType?)null,
            };
            if (type is not { } keyType) continue;
            if (_keys.Count == 15) throw new ArgumentException("OSNMA scenario needs more than 15 public keys.");
            var key = OsnmaKeyPair.Generate(keyType, _keys.Count + 1);
            _keys.Add(key);
            _eventKeys[e] = key;
            if (e is NewMerkleTreeEvent) treeKeys.Add([]);
            if (treeKeys[^1].Count == AlertLeaf) throw new ArgumentException("OSNMA scenario puts more than 15 keys in one Merkle tree.");
            treeKeys[^1].Add(key);
        }
        Trees = treeKeys.Select(BuildTree).ToList();
    }

    public IReadOnlyList<OsnmaKeyPair> Keys => _keys;

    /// <summary>Tree A, and tree B if the scenario has a NMT event.</summary>
    public IReadOnlyList<OsnmaMerkleTree> Trees { get; }

    public OsnmaKeyPair InitialKey => _keys[0];

    public OsnmaKeyPair KeyOf(OsnmaScenarioEvent e) => _eventKeys[e];

    public (OsnmaMerkleTree Tree, int Leaf) LeafOf(OsnmaKeyPair key) => _leaves[key];

    public void Dispose()
    {
        foreach (var key in _keys) key.Dispose();
    }

    private OsnmaMerkleTree BuildTree(List<OsnmaKeyPair> keys)
    {
        var leaves = new OsnmaMerkleLeaf[OsnmaMerkleTree.LeafCount];
        for (var i = 0; i < AlertLeaf; i++)
        {
            if (i < keys.Count)
            {
                leaves[i] = OsnmaMerkleLeaf.ForKey(keys[i]);
                continue;
            }
            using var unused = OsnmaKeyPair.Generate(OsnmaPublicKeyType.EcdsaP256, 0);
            leaves[i] = OsnmaMerkleLeaf.ForKey(unused);
        }
        leaves[AlertLeaf] = OsnmaMerkleLeaf.AlertMessage(0);
        var tree = new OsnmaMerkleTree(leaves);
        for (var i = 0; i < keys.Count; i++) _leaves[keys[i]] = (tree, i);
        return tree;
    }
}
