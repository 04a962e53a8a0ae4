using System.Buffers.Binary;
using System.Text;
using GeoEdge.Ear;

namespace GeoEdge.Transparency.Tests;

public sealed class TreeHeadTests : IDisposable
{
    private readonly EarSigningKey _key = EarSigningKey.Generate();
    private readonly byte[] _root = NaiveMerkle.Mth(NaiveMerkle.Entries(5));

    public void Dispose() => _key.Dispose();

    [Fact]
    public void SignedDataIsTheTlsPresentationOfTreeHeadDataV2()
    {
        var data = TreeHeadData.Encode(1_765_000_000_123, 5, _root);
        Assert.Equal(51, data.Length);
        Assert.Equal(1_765_000_000_123UL, BinaryPrimitives.ReadUInt64BigEndian(data));
        Assert.Equal(5UL, BinaryPrimitives.ReadUInt64BigEndian(data.AsSpan(8)));
        Assert.Equal(32, data[16]);
        Assert.Equal(_root, data[17..49]);
        Assert.Equal([0, 0], data[49..]);
    }

    [Fact]
    public void ASignedHeadVerifiesWithTheBridgesJwksAndRoundTripsThroughJson()
    {
        var head = SignedTreeHead.Sign(5, 1_765_000_000_123, _root, _key);
        var jwks = Jwks.Parse(new Jwks([_key.PublicKey]).ToJson());
        Assert.True(TreeHeadVerifier.Verify(head, jwks).IsValid);
        var json = head.ToJson();
        Assert.Contains("\"treeSize\":5", json);
        Assert.Contains($"\"rootHash\":\"{Convert.ToBase64String(_root)}\"", json);
        Assert.Contains($"\"kid\":\"{_key.Kid}\"", json);
        var read = TreeHeadVerifier.Verify(Encoding.UTF8.GetBytes(json), jwks);
        Assert.True(read.IsValid, read.Detail);
        Assert.Equal(head.Signature, read.TreeHead!.Signature);
        Assert.Equal(1_765_000_000_123, read.TreeHead.Timestamp);
    }

    [Fact]
    public void AHeadFromAnotherKeyIsAnUnknownKid()
    {
        using var other = EarSigningKey.Generate();
        var head = SignedTreeHead.Sign(5, 1, _root, other);
        var result = TreeHeadVerifier.Verify(head, new Jwks([_key.PublicKey]));
        Assert.Equal(TreeHeadFailure.UnknownKid, result.Failure);
        Assert.Contains(other.Kid, result.Detail);
    }

    [Fact]
    public void AnyChangedFieldBreaksTheSignature()
    {
        var jwks = new Jwks([_key.PublicKey]);
        var head = SignedTreeHead.Sign(5, 1000, _root, _key);
        var flippedRoot = ProofTests.Flip([_root], 0)[0];
        SignedTreeHead[] forged =
        [
            new(6, head.Timestamp, head.RootHash, head.Kid, head.Signature),
            new(head.TreeSize, 1001, head.RootHash, head.Kid, head.Signature),
            new(head.TreeSize, head.Timestamp, flippedRoot, head.Kid, head.Signature),
            new(head.TreeSize, head.Timestamp, head.RootHash, head.Kid, ProofTests.Flip([head.Signature[..32], head.Signature[32..]], 1).SelectMany(b => b).ToArray()),
        ];
        foreach (var f in forged) Assert.Equal(TreeHeadFailure.BadSignature, TreeHeadVerifier.Verify(f, jwks).Failure);
        // The same kid on another key (a key rotated without changing its name) is a bad signature too.
        using var impostor = EarSigningKey.Generate();
        var relabelled = new Jwks([new EcPublicJwk(Base64Url(impostor.PublicKey.X), Base64Url(impostor.PublicKey.Y), _key.Kid)]);
        Assert.Equal(TreeHeadFailure.BadSignature, TreeHeadVerifier.Verify(head, relabelled).Failure);
    }

    [Theory]
    [InlineData("", "treeHead")]
    [InlineData("[]", "treeHead")]
    [InlineData("{\"treeSize\":5}", "treeHead.timestamp")]
    [InlineData("{\"treeSize\":-5,\"timestamp\":1}", "treeHead.treeSize")]
    [InlineData("{\"treeSize\":5.0,\"timestamp\":1}", "treeHead.treeSize")]
    [InlineData("{\"treeSize\":1e3,\"timestamp\":1}", "treeHead.treeSize")]
    [InlineData("{\"treeSize\":18446744073709551616,\"timestamp\":1}", "treeHead.treeSize")]
    [InlineData("{\"treeSize\":\"5\",\"timestamp\":1}", "treeHead.treeSize")]
    [InlineData("{\"treeSize\":5,\"treeSize\":6,\"timestamp\":1}", "treeHead.treeSize")]
    [InlineData("{\"treeSize\":5,\"timestamp\":1,\"extra\":0}", "treeHead.extra")]
    [InlineData("{\"treeSize\":5,\"timestamp\":1,\"rootHash\":\"AAAA\"}", "treeHead.rootHash")]
    [InlineData("{\"treeSize\":5,\"timestamp\":1,\"rootHash\":\"not base64!\"}", "treeHead.rootHash")]
    public void MalformedHeadsAreRefusedNamingTheMember(string json, string member)
    {
        var e = Assert.Throws<TransparencyFormatException>(() => SignedTreeHead.Parse(Encoding.UTF8.GetBytes(json)));
        Assert.Equal(member, e.Member);
        Assert.Equal(TreeHeadFailure.Malformed, TreeHeadVerifier.Verify(Encoding.UTF8.GetBytes(json), new Jwks([_key.PublicKey])).Failure);
    }

    [Fact]
    public void SignatureAndKidBoundsAreChecked()
    {
        var head = SignedTreeHead.Sign(5, 1, _root, _key);
        var good = head.ToJson();
        var sig = Base64UrlStrict.Encode(head.Signature);
        foreach (var (bad, member) in new[]
        {
            (good.Replace(sig, sig + "AA"), "treeHead.signature"),
            (good.Replace(sig, sig[..^1] + "="), "treeHead.signature"),
            (good.Replace(_key.Kid, ""), "treeHead.kid"),
            (good.Replace(_key.Kid, new string('k', 300)), "treeHead.kid"),
        })
        {
            var e = Assert.Throws<TransparencyFormatException>(() => SignedTreeHead.Parse(Encoding.UTF8.GetBytes(bad)));
            Assert.Equal(member, e.Member);
        }
    }

    private static byte[] Base64Url(string text) => Base64UrlStrict.TryDecode(text, out var bytes) ? bytes : throw new FormatException(text);
}
