using GeoEdge.Drivers.Gnss.Galileo;
using GeoEdge.Drivers.Osnma.State;
using GeoEdge.Drivers.Osnma.Trust;
using GeoEdge.Hil.Rig.Composition;

namespace GeoEdge.Drivers.Osnma.Tests;

/// <summary>One folder of the official OSNMA test vectors: its pages (read once, shared by the tests) and its files.</summary>
internal sealed class OsnmaScenario
{
    private static readonly Dictionary<string, IReadOnlyList<GalileoPage>> Cache = [];
    private static readonly Lock CacheLock = new();

    private OsnmaScenario(string name) => Name = name;

    public string Name { get; }
    public string Folder => Path.Combine(RepoPaths.SharedTestData, "osnma", Name);
    public string MerkleTree => Path.Combine(Folder, "OSNMA_MerkleTree.xml");
    public string? PublicKey => Directory.GetFiles(Folder, "OSNMA_PublicKey*.xml").FirstOrDefault();
    public string? StartKroot => File.Exists(Path.Combine(Folder, "OSNMA_start_KROOT.txt")) ? Path.Combine(Folder, "OSNMA_start_KROOT.txt") : null;

    public static OsnmaScenario Named(string name) => new(name);

    public IReadOnlyList<GalileoPage> Pages
    {
        get
        {
            lock (CacheLock)
            {
                if (!Cache.TryGetValue(Name, out var pages))
                {
                    pages = OsnmaTestVectorFile.Read(Directory.GetFiles(Folder, "*.csv.gz").Single());
                    Cache[Name] = pages;
                }
                return pages;
            }
        }
    }

    public OsnmaTrustAnchors Anchors(bool withPublicKey = true, bool withKroot = false) =>
        OsnmaTrustAnchors.FromFiles(MerkleTree, withPublicKey ? PublicKey : null, withKroot ? StartKroot : null);

    public OsnmaReceiver Receiver(OsnmaTrustAnchors anchors, List<OsnmaEvent>? events = null, IOsnmaStateStore? store = null, OsnmaOptions? options = null) =>
        new(anchors, options ?? new OsnmaOptions(), new ReplayTrustedClock(), store, e => events?.Add(e));

    public static void Feed(OsnmaReceiver receiver, IEnumerable<GalileoPage> pages)
    {
        foreach (var page in pages) receiver.Process(page);
    }
}
