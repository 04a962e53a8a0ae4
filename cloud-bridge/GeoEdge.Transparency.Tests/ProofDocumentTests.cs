using System.Text;

namespace GeoEdge.Transparency.Tests;

public sealed class ProofDocumentTests : IDisposable
{
    private readonly LogFixture _fixture = new();
    private readonly string _valid;

    public ProofDocumentTests()
    {
        for (var i = 0; i < 11; i++) _fixture.Log.Append(LogFixture.Ear(i));
        _valid = _fixture.Log.ProofFor(LogFixture.Ear(6))!.ToJson();
    }

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void TheLogsDocumentRoundTripsAndHasTheDocumentedMembers()
    {
        var document = ProofDocument.Parse(_valid);
        Assert.Equal(6, document.LeafIndex);
        Assert.Equal(11, document.TreeSize);
        Assert.Equal(4, document.InclusionPath.Count);
        Assert.Equal(MerkleHash.Leaf(LogFixture.Ear(6)), document.LeafHash);
        Assert.Equal(_valid, document.ToJson());
        Assert.StartsWith("{\"leafIndex\":6,\"treeSize\":11,\"leafHash\":", _valid);
        Assert.Contains("\"inclusionPath\":[", _valid);
        Assert.Contains("\"treeHead\":{\"treeSize\":11,", _valid);
    }

    public static TheoryData<string, string, string> Hostile => new()
    {
        // name, "old→new" replaced once in the valid document, member expected in the error
        { "negative index", "\"leafIndex\":6→\"leafIndex\":-6", "leafIndex" },
        { "fractional size", "\"treeSize\":11,\"leafHash\"→\"treeSize\":11.5,\"leafHash\"", "treeSize" },
        { "size as a string", "\"treeSize\":11,\"leafHash\"→\"treeSize\":\"11\",\"leafHash\"", "treeSize" },
        { "huge index", "\"leafIndex\":6→\"leafIndex\":99999999999999999999999", "leafIndex" },
        { "duplicate member", "\"leafIndex\":6→\"leafIndex\":6,\"leafIndex\":7", "leafIndex" },
        { "unknown member", "\"leafIndex\":6→\"leafIndex\":6,\"note\":\"x\"", "note" },
        { "unknown member beside the path", "\"inclusionPath\":[→\"inclusionPath\":{},\"x\":[", "x" },
        { "path element not a string", "\"inclusionPath\":[→\"inclusionPath\":[1,", "inclusionPath[0]" },
        { "path element bad base64", "\"inclusionPath\":[→\"inclusionPath\":[\"!!!!\",", "inclusionPath[0]" },
        { "path element base64url", "\"inclusionPath\":[→\"inclusionPath\":[\"__________________________________________8=\",", "inclusionPath[0]" },
        { "path element short", "\"inclusionPath\":[→\"inclusionPath\":[\"AAAA\",", "inclusionPath[0]" },
        { "path element with whitespace", "\"inclusionPath\":[→\"inclusionPath\":[\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA A=\",", "inclusionPath[0]" },
        { "head renamed", "\"treeHead\":→\"treeHeads\":", "treeHeads" },
        { "head member wrong", "\"treeHead\":{\"treeSize\":11→\"treeHead\":{\"treeSize\":-1", "treeHead.treeSize" },
        { "unknown member beside the head", "\"treeHead\":{\"treeSize\":11,→\"treeHead\":[11],\"x\":{", "x" },
        { "nested too deep", "\"inclusionPath\":[→\"inclusionPath\":[[[[[\"a\"]]]],", "document" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void HostileDocumentsAreRefusedNamingTheMember(string name, string edit, string member)
    {
        var parts = edit.Split('→');
        var at = _valid.IndexOf(parts[0], StringComparison.Ordinal);
        Assert.True(at >= 0, $"{name}: '{parts[0]}' is not in the document");
        var hostile = _valid[..at] + parts[1] + _valid[(at + parts[0].Length)..];
        Assert.NotEqual(_valid, hostile);
        var e = Assert.Throws<TransparencyFormatException>(() => ProofDocument.Parse(hostile));
        Assert.True(member == e.Member, $"{name}: expected member {member}, got {e.Message}");
        var result = InclusionVerifier.Verify(LogFixture.Ear(6), Encoding.UTF8.GetBytes(hostile), _fixture.Jwks);
        Assert.Equal(InclusionFailure.MalformedDocument, result.Failure);
    }

    [Fact]
    public void MissingMembersAreNamed()
    {
        var document = System.Text.Json.Nodes.JsonNode.Parse(_valid)!.AsObject();
        foreach (var member in new[] { "leafIndex", "treeSize", "inclusionPath", "treeHead" })
        {
            var copy = System.Text.Json.Nodes.JsonNode.Parse(_valid)!.AsObject();
            copy.Remove(member);
            Assert.Equal(member, Assert.Throws<TransparencyFormatException>(() => ProofDocument.Parse(copy.ToJsonString())).Member);
        }
        foreach (var member in new[] { "treeSize", "timestamp", "rootHash", "kid", "signature" })
        {
            var copy = System.Text.Json.Nodes.JsonNode.Parse(_valid)!.AsObject();
            copy["treeHead"]!.AsObject().Remove(member);
            Assert.Equal($"treeHead.{member}", Assert.Throws<TransparencyFormatException>(() => ProofDocument.Parse(copy.ToJsonString())).Member);
        }
        foreach (var member in new[] { "inclusionPath", "treeHead", "leafHash" })
        {
            var copy = System.Text.Json.Nodes.JsonNode.Parse(_valid)!.AsObject();
            copy[member] = 5;
            Assert.Equal(member, Assert.Throws<TransparencyFormatException>(() => ProofDocument.Parse(copy.ToJsonString())).Member);
        }
        // leafHash is optional: a document without it still reads, and still verifies.
        document.Remove("leafHash");
        var withoutLeafHash = ProofDocument.Parse(document.ToJsonString());
        Assert.Null(withoutLeafHash.LeafHash);
        Assert.True(InclusionVerifier.Verify(LogFixture.Ear(6), withoutLeafHash, _fixture.Jwks).IsValid);
    }

    [Fact]
    public void AHugePathIsRefusedBeforeItsElementsAreDecoded()
    {
        var hash = Convert.ToBase64String(new byte[32]);
        var huge = _valid.Replace("\"inclusionPath\":[", "\"inclusionPath\":[" + string.Concat(Enumerable.Repeat($"\"{hash}\",", 64)));
        Assert.Equal("inclusionPath", Assert.Throws<TransparencyFormatException>(() => ProofDocument.Parse(huge)).Member);
        var enormous = _valid.Replace("\"inclusionPath\":[", "\"inclusionPath\":[" + string.Concat(Enumerable.Repeat("0,", 100_000)));
        Assert.Equal("document", Assert.Throws<TransparencyFormatException>(() => ProofDocument.Parse(enormous)).Member);
    }

    [Fact]
    public void InvalidUtf8AndNonJsonAreFormatErrors()
    {
        Assert.Equal("document", Assert.Throws<TransparencyFormatException>(() => ProofDocument.Parse([0x7B, 0xFF, 0x7D])).Member);
        Assert.Equal("document", Assert.Throws<TransparencyFormatException>(() => ProofDocument.Parse("{\"leafIndex\":")).Member);
        Assert.Equal("document", Assert.Throws<TransparencyFormatException>(() => ProofDocument.Parse("42")).Member);
        Assert.Equal("leafIndex", Assert.Throws<TransparencyFormatException>(() => ProofDocument.Parse("{}")).Member);
    }
}
