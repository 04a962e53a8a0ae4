using GeoEdge.Drivers.Osnma.Trust;

namespace GeoEdge.Drivers.Osnma.Tests;

/// <summary>Trust-anchor files that are damaged or hostile fail with a typed error naming the file and the problem.</summary>
public sealed class AnchorFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("osnma-anchor-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void A_Merkle_tree_with_a_DTD_is_refused()
    {
        var path = Write("tree.xml", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><signalData>&e;</signalData>");
        var error = Assert.Throws<OsnmaFormatException>(() => OsnmaMerkleTreeFile.Read(path));
        Assert.Equal(path, error.FileName);
    }

    [Theory]
    [InlineData("<MerkleTree><TreeNode><j>3</j><i>0</i><x_ji>00</x_ji></TreeNode></MerkleTree>", "32")]
    [InlineData("<MerkleTree><TreeNode><j>3</j><i>1</i><x_ji>" + "00000000000000000000000000000000000000000000000000000000000000AA" + "</x_ji></TreeNode></MerkleTree>", "no root")]
    [InlineData("<MerkleTree><TreeNode><j>9</j><i>0</i><x_ji>00</x_ji></TreeNode></MerkleTree>", "outside")]
    [InlineData("<MerkleTree><TreeNode><j>4</j><i>0</i><x_ji>zz</x_ji></TreeNode></MerkleTree>", "hexadecimal")]
    [InlineData("<MerkleTree", "well-formed")]
    public void Damaged_Merkle_trees_are_refused(string xml, string problem)
    {
        var error = Assert.Throws<OsnmaFormatException>(() => OsnmaMerkleTreeFile.Read(Write("tree.xml", xml)));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<PKID>1</PKID><PKType>ECDSA P-384</PKType><point>02</point>", "PKType")]
    [InlineData("<PKID>1</PKID><PKType>ECDSA P-256/SHA-256</PKType><point>0200</point>", "bytes")]
    [InlineData("<PKID>99</PKID><PKType>ECDSA P-256/SHA-256</PKType><point>020000000000000000000000000000000000000000000000000000000000000005</point>", "PKID")]
    [InlineData("<PKID>x</PKID>", "not a number")]
    public void Damaged_public_key_files_are_refused(string xml, string problem)
    {
        var error = Assert.Throws<OsnmaFormatException>(() => OsnmaPublicKeyFile.Read(Write("key.xml", xml)));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abcd", "2 lines")]
    [InlineData("abcd\n82", "13 bytes")]
    [InlineData("zz\n82", "hexadecimal")]
    public void Damaged_start_KROOT_files_are_refused(string text, string problem)
    {
        var error = Assert.Throws<OsnmaFormatException>(() => OsnmaStartKrootFile.Read(Write("kroot.txt", text)));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_files_are_named()
    {
        var path = Path.Combine(_directory, "absent.xml");
        Assert.Contains("absent.xml", Assert.Throws<OsnmaFormatException>(() => OsnmaTrustAnchors.FromFiles(path)).Message, StringComparison.Ordinal);
    }
}
