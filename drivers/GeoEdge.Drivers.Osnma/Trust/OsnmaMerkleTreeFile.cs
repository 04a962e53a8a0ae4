using GeoEdge.Drivers.Osnma.Trust;
using System.Xml.Linq;
using GeoEdge.Drivers.Osnma.Crypto;

namespace GeoEdge.Drivers.Osnma;

/// <summary>The contents of an OSNMA_MerkleTree.xml: the root x_4_0 and the public keys it lists, each with its path when the file's nodes give it.</summary>
public sealed record OsnmaMerkleTree(byte[] Root, IReadOnlyList<OsnmaPublicKey> PublicKeys);

/// <summary>
/// Reads the GSC Merkle tree file: TreeNode elements (j = level, 4 the root; i = index in the level; x_ji the node)
/// and PublicKey elements (i = leaf index = MID, PKID, PKType, point). The root is the node with j = 4, i = 0.
/// The other nodes are the siblings on one leaf's path: node (j, (i >> j) ^ 1) for leaf i at level j.
/// </summary>
public static class OsnmaMerkleTreeFile
{
    public static OsnmaMerkleTree Read(string path)
    {
        var doc = OsnmaXml.Load(path);
        var nodes = new Dictionary<(int J, int I), byte[]>();
        foreach (var node in doc.Descendants().Where(e => e.Name.LocalName == "TreeNode"))
        {
            var j = OsnmaXml.Int(path, node, "j");
            var i = OsnmaXml.Int(path, node, "i");
            if (j is < 0 or > 4 || i < 0 || i >= 16 >> j) throw new OsnmaFormatException(path, $"tree node j={j} i={i} is outside a 16-leaf tree");
            nodes[(j, i)] = OsnmaXml.Hex(path, OsnmaXml.Text(node, "x_ji"), $"tree node j={j} i={i}", 32);
        }
        if (!nodes.TryGetValue((4, 0), out var root)) throw new OsnmaFormatException(path, "no root node (j=4, i=0)");

        var keys = new List<OsnmaPublicKey>();
        foreach (var element in doc.Descendants().Where(e => e.Name.LocalName == "PublicKey"))
        {
            var key = ReadKey(path, element);
            var leaf = key.Path?.LeafIndex ?? -1;
            var siblings = Enumerable.Range(0, 4).Select(j => nodes.GetValueOrDefault((j, (leaf >> j) ^ 1))).ToArray();
            var withPath = leaf >= 0 && siblings.All(s => s is not null) ? key with { Path = new OsnmaMerklePath(leaf, siblings!) } : key with { Path = null };
            keys.Add(withPath);
        }
        return new OsnmaMerkleTree(root, keys);
    }

    /// <summary>A PublicKey element (also the body of OSNMA_PublicKey*.xml); Path carries only the leaf index here.</summary>
    internal static OsnmaPublicKey ReadKey(string source, XContainer element)
    {
        var pkid = OsnmaXml.Int(source, element, "PKID");
        var type = OsnmaKeyTypeNames.Parse(source, OsnmaXml.Text(element, "PKType"));
        var point = OsnmaXml.Hex(source, OsnmaXml.Text(element, "point"), "point", OsnmaKeyTypes.CompressedPointBytes(type));
        var leafText = OsnmaXml.Text(element, "i");
        var leaf = leafText is null ? -1 : OsnmaXml.Int(source, element, "i");
        if (leaf is < -1 or > 15) throw new OsnmaFormatException(source, $"leaf index i={leaf} is not 0..15");
        var key = new OsnmaPublicKey(pkid, type, point, leaf >= 0 ? new OsnmaMerklePath(leaf, []) : null);
        key.Validate(source);
        return key;
    }
}

/// <summary>Reads OSNMA_PublicKey*.xml (with or without the GSC signalData wrapper).</summary>
public static class OsnmaPublicKeyFile
{
    public static OsnmaPublicKey Read(string path)
    {
        var doc = OsnmaXml.LoadFragment(path);
        return OsnmaMerkleTreeFile.ReadKey(path, doc);
    }
}
