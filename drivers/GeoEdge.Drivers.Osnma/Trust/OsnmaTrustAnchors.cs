using GeoEdge.Drivers.Osnma.Trust;
namespace GeoEdge.Drivers.Osnma;

/// <summary>
/// What the receiver trusts before it hears anything: the Merkle tree root (required, from the GSC), and
/// optionally a public key (warm start) and a DSM-KROOT (hot start). The key is checked against the root when its
/// Merkle path is known; the DSM-KROOT is verified with the key before use.
/// </summary>
public sealed record OsnmaTrustAnchors(byte[] MerkleRoot, OsnmaPublicKey? PublicKey = null, OsnmaKrootAnchor? Kroot = null)
{
    /// <summary>
    /// Loads the anchors from the GSC files. The public key gets its Merkle path from the tree file when the tree
    /// lists the same key with a complete path.
    /// </summary>
    public static OsnmaTrustAnchors FromFiles(string merkleTreeXml, string? publicKeyXml = null, string? startKrootTxt = null)
    {
        var tree = OsnmaMerkleTreeFile.Read(merkleTreeXml);
        OsnmaPublicKey? key = null;
        if (publicKeyXml is not null)
        {
            key = OsnmaPublicKeyFile.Read(publicKeyXml);
            var inTree = tree.PublicKeys.FirstOrDefault(k => k.Pkid == key.Pkid && k.Type == key.Type && k.Point.AsSpan().SequenceEqual(key.Point));
            key = key with { Path = inTree?.Path };
        }
        var kroot = startKrootTxt is null ? null : OsnmaStartKrootFile.Read(startKrootTxt);
        return new OsnmaTrustAnchors(tree.Root, key, kroot);
    }
}
