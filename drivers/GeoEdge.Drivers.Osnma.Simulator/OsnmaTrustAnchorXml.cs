using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GeoEdge.Drivers.Osnma.Simulator;

/// <summary>
/// Writes the GSC distribution files in the shape of the official OSNMA_MerkleTree.xml and OSNMA_PublicKey.xml
/// (element names and order as in the test-vector files): the tree file holds one public key leaf, the root
/// (j=4, i=0) and that leaf's path siblings from j=3 down to j=0; the key file holds i, PKID, the compressed point
/// and PKType. Only hex digits and numbers are written, so no escaping is needed.
/// </summary>
public static class OsnmaTrustAnchorXml
{
    private const string Prolog = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\" ?>";
    private const string Element = "<GAL-EXT-GOC-SC-GLAd><mission>GAL</mission><segment>EXT</segment><element>GOC-SC</element></GAL-EXT-GOC-SC-GLAd>";

    public static string MerkleTree(OsnmaMerkleTree tree, int leafIndex, DateTimeOffset applicableFrom)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var leaf = KeyLeaf(tree, leafIndex);
        var xml = new StringBuilder(Prolog).Append("<signalData>").Append(Header(applicableFrom)).Append("<body><MerkleTree>");
        xml.Append("<UID>MT-").Append(Convert.ToHexString(tree.Root.Span)).Append("</UID>");
        xml.Append("<Applicability><Begin>").Append(Timestamp(applicableFrom)).Append("</Begin></Applicability><State>Applicable</State>");
        xml.Append("<N>").Append(OsnmaMerkleTree.LeafCount).Append("</N><HashFunction>SHA-256</HashFunction>");
        xml.Append("<PublicKey><i>").Append(leafIndex).Append("</i>").Append(KeyFields(leaf)).Append("<PKType>")
            .Append(OsnmaPublicKeyTypes.XmlName(leaf.Type)).Append("</PKType></PublicKey>");
        AppendNode(xml, tree, OsnmaMerkleTree.Depth, 0);
        var index = leafIndex;
        var siblings = new List<(int Level, int Index)>();
        for (var j = 0; j < OsnmaMerkleTree.Depth; j++)
        {
            siblings.Add((j, index ^ 1));
            index >>= 1;
        }
        for (var k = siblings.Count - 1; k >= 0; k--) AppendNode(xml, tree, siblings[k].Level, siblings[k].Index);
        return xml.Append("</MerkleTree></body></signalData>").ToString();
    }

    public static string PublicKey(OsnmaMerkleTree tree, int leafIndex, DateTimeOffset applicableFrom)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var leaf = KeyLeaf(tree, leafIndex);
        var xml = new StringBuilder(Prolog).Append("<signalData>").Append(Header(applicableFrom)).Append("<body><PublicKey>");
        xml.Append("<UID>PK-").Append(Convert.ToHexString(SHA256.HashData(leaf.NewPublicKey.Span))).Append("</UID>");
        xml.Append("<Applicability><Begin>").Append(Timestamp(applicableFrom)).Append("</Begin></Applicability><State>Applicable</State>");
        xml.Append("<i>").Append(leafIndex).Append("</i>").Append(KeyFields(leaf));
        var stamp = applicableFrom.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        xml.Append("<Certificate>OSNMA_PublicKey_").Append(stamp).Append("_PKID_").Append(leaf.PublicKeyId).Append(".crt</Certificate>");
        xml.Append("<CRL>OSNMA_PublicKeyCRL_").Append(stamp).Append("_PKID_").Append(leaf.PublicKeyId).Append(".crl</CRL>");
        xml.Append("<PKType>").Append(OsnmaPublicKeyTypes.XmlName(leaf.Type)).Append("</PKType>");
        return xml.Append("</PublicKey></body></signalData>").ToString();
    }

    private static OsnmaMerkleLeaf KeyLeaf(OsnmaMerkleTree tree, int leafIndex)
    {
        if (leafIndex is < 0 or >= OsnmaMerkleTree.LeafCount) throw new ArgumentOutOfRangeException(nameof(leafIndex));
        var leaf = tree.Leaves[leafIndex];
        if (leaf.Type == OsnmaPublicKeyType.AlertMessage) throw new ArgumentException("the alert leaf is not a public key", nameof(leafIndex));
        return leaf;
    }

    private static string KeyFields(OsnmaMerkleLeaf leaf) => string.Create(CultureInfo.InvariantCulture,
        $"<PKID>{leaf.PublicKeyId}</PKID><lengthInBits>{leaf.NewPublicKey.Length * 8}</lengthInBits><point>{Convert.ToHexString(leaf.NewPublicKey.Span)}</point>");

    private static void AppendNode(StringBuilder xml, OsnmaMerkleTree tree, int level, int index) =>
        xml.Append("<TreeNode><j>").Append(level).Append("</j><i>").Append(index).Append("</i><lengthInBits>256</lengthInBits><x_ji>")
            .Append(Convert.ToHexString(tree.Node(level, index).Span)).Append("</x_ji></TreeNode>");

    private static string Header(DateTimeOffset issued) =>
        "<header><GAL-header><source>" + Element + "</source><destination>" + Element + "</destination><issueDate>" + Timestamp(issued) +
        "</issueDate><signalVersion>1.0</signalVersion><dataVersion>1.0</dataVersion></GAL-header></header>";

    private static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
