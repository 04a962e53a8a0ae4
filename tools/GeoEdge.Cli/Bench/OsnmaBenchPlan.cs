using GeoEdge.Drivers.Osnma;

namespace GeoEdge.Cli.Bench;

/// <summary>One verification the OSNMA benchmark runs: a scenario's recording with the trust anchors of one start mode.</summary>
public sealed record OsnmaBenchCase(string Scenario, string StartMode, string Input, string MerkleTree, string? PublicKey, string? Kroot)
{
    /// <summary>The arguments of `geoedge-cli osnma` for this case, JSON output.</summary>
    public IReadOnlyList<string> Arguments()
    {
        var args = new List<string> { "osnma", Input, "--merkle", MerkleTree, "--json" };
        if (PublicKey is not null) args.AddRange(["--pubkey", PublicKey]);
        if (Kroot is not null) args.AddRange(["--kroot", Kroot]);
        return args;
    }
}

/// <summary>
/// Which start modes each test-vector folder is run with. A folder with a start KROOT (configuration_2) is the
/// cold-start scenario: it runs cold (Merkle tree only, the key must come from DSM-PKR) and hot (its key and
/// KROOT), which shows what a saved state buys. Every other folder runs warm with its public key, the way the
/// test campaign meant it; cold only if it has no key file the verifier can read.
/// </summary>
public static class OsnmaBenchPlan
{
    public const string KrootFileName = "OSNMA_start_KROOT.txt";

    public static IReadOnlyList<OsnmaBenchCase> For(string testVectorRoot)
    {
        if (!Directory.Exists(testVectorRoot))
            throw new ArgumentException($"{testVectorRoot} does not exist: the OSNMA test vectors are expected there (../shared/testdata/osnma)");
        var cases = new List<OsnmaBenchCase>();
        foreach (var folder in Directory.GetDirectories(testVectorRoot).Order(StringComparer.Ordinal))
        {
            var scenario = Path.GetFileName(folder);
            var input = Directory.GetFiles(folder, "*.csv.gz").Concat(Directory.GetFiles(folder, "*.csv")).Order(StringComparer.Ordinal).FirstOrDefault();
            var tree = Path.Combine(folder, "OSNMA_MerkleTree.xml");
            if (input is null || !File.Exists(tree)) continue; // not a scenario folder
            var key = Directory.GetFiles(folder, "OSNMA_PublicKey*.xml").Order(StringComparer.Ordinal).FirstOrDefault();
            var kroot = Path.Combine(folder, KrootFileName);
            if (File.Exists(kroot))
            {
                cases.Add(new OsnmaBenchCase(scenario, "cold", input, tree, null, null));
                if (key is not null && Readable(tree, key)) cases.Add(new OsnmaBenchCase(scenario, "hot", input, tree, key, kroot));
            }
            else if (key is not null && Readable(tree, key)) cases.Add(new OsnmaBenchCase(scenario, "warm", input, tree, key, null));
            else cases.Add(new OsnmaBenchCase(scenario, "cold", input, tree, null, null));
        }
        if (cases.Count == 0) throw new ArgumentException($"no OSNMA scenario folder (a *.csv.gz with OSNMA_MerkleTree.xml) under {testVectorRoot}");
        return cases;
    }

    private static bool Readable(string tree, string key)
    {
        try
        {
            OsnmaTrustAnchors.FromFiles(tree, key);
            return true;
        }
        catch (OsnmaFormatException)
        {
            return false;
        }
    }
}
