using GeoEdge.Ear;

namespace GeoEdge.Transparency.Tests;

public sealed class InclusionVerifierTests : IDisposable
{
    private readonly LogFixture _fixture = new();

    public InclusionVerifierTests()
    {
        for (var i = 0; i < 21; i++) _fixture.Log.Append(LogFixture.Ear(i));
    }

    public void Dispose() => _fixture.Dispose();

    private ProofDocument Proof(int i) => _fixture.Log.ProofFor(LogFixture.Ear(i))!;

    [Fact]
    public void EveryEntrysDocumentVerifiesOfflineThroughJson()
    {
        var jwks = Jwks.Parse(_fixture.Jwks.ToJson());
        for (var i = 0; i < 21; i++)
        {
            var json = System.Text.Encoding.UTF8.GetBytes(Proof(i).ToJson());
            var result = InclusionVerifier.Verify(LogFixture.Ear(i), json, jwks);
            Assert.True(result.IsValid, result.Detail);
        }
    }

    [Fact]
    public void AnotherEntryIsTheWrongLeaf()
    {
        var result = InclusionVerifier.Verify(LogFixture.Ear(4), Proof(3), _fixture.Jwks);
        Assert.Equal(InclusionFailure.WrongLeaf, result.Failure);
        // Without the leaf hash in the document the verifier can only say the walk did not reach the root.
        var bare = new ProofDocument(3, 21, Proof(3).InclusionPath, Proof(3).TreeHead);
        Assert.Equal(InclusionFailure.PathDoesNotReachRoot, InclusionVerifier.Verify(LogFixture.Ear(4), bare, _fixture.Jwks).Failure);
        Assert.True(InclusionVerifier.Verify(LogFixture.Ear(3), bare, _fixture.Jwks).IsValid);
    }

    [Fact]
    public void ATamperedPathDoesNotReachTheRoot()
    {
        var proof = Proof(9);
        for (var i = 0; i < proof.InclusionPath.Count; i++)
        {
            var tampered = new ProofDocument(9, 21, ProofTests.Flip(proof.InclusionPath, i), proof.TreeHead, proof.LeafHash);
            Assert.Equal(InclusionFailure.PathDoesNotReachRoot, InclusionVerifier.Verify(LogFixture.Ear(9), tampered, _fixture.Jwks).Failure);
        }
        var shortened = new ProofDocument(9, 21, proof.InclusionPath.Take(proof.InclusionPath.Count - 1).ToList(), proof.TreeHead, proof.LeafHash);
        Assert.Equal(InclusionFailure.PathDoesNotReachRoot, InclusionVerifier.Verify(LogFixture.Ear(9), shortened, _fixture.Jwks).Failure);
        var moved = new ProofDocument(8, 21, proof.InclusionPath, proof.TreeHead, proof.LeafHash);
        Assert.Equal(InclusionFailure.PathDoesNotReachRoot, InclusionVerifier.Verify(LogFixture.Ear(9), moved, _fixture.Jwks).Failure);
    }

    [Fact]
    public void SizesMustMatchTheSignedHead()
    {
        var proof = Proof(2);
        var claimedLarger = new ProofDocument(2, 22, proof.InclusionPath, proof.TreeHead, proof.LeafHash);
        Assert.Equal(InclusionFailure.SizesInconsistent, InclusionVerifier.Verify(LogFixture.Ear(2), claimedLarger, _fixture.Jwks).Failure);
        var outside = new ProofDocument(21, 21, proof.InclusionPath, proof.TreeHead, proof.LeafHash);
        Assert.Equal(InclusionFailure.SizesInconsistent, InclusionVerifier.Verify(LogFixture.Ear(2), outside, _fixture.Jwks).Failure);
    }

    [Fact]
    public void TheTreeHeadMustBeSignedByATrustedKey()
    {
        var proof = Proof(5);
        using var stranger = EarSigningKey.Generate();
        var foreign = new ProofDocument(5, 21, proof.InclusionPath, SignedTreeHead.Sign(21, proof.TreeHead.Timestamp, proof.TreeHead.RootHash, stranger), proof.LeafHash);
        Assert.Equal(InclusionFailure.UnknownKid, InclusionVerifier.Verify(LogFixture.Ear(5), foreign, _fixture.Jwks).Failure);
        // A head re-labelled with a larger size keeps its signature: refused, not believed.
        var h = proof.TreeHead;
        var relabelled = new ProofDocument(5, 22, proof.InclusionPath, new SignedTreeHead(22, h.Timestamp, h.RootHash, h.Kid, h.Signature), proof.LeafHash);
        Assert.Equal(InclusionFailure.BadSignature, InclusionVerifier.Verify(LogFixture.Ear(5), relabelled, _fixture.Jwks).Failure);
        // And a forged root, to which a forged path would lead, does not carry the log's signature.
        var forgedRoot = ProofTests.Flip([h.RootHash], 0)[0];
        var forged = new ProofDocument(5, 21, proof.InclusionPath, new SignedTreeHead(21, h.Timestamp, forgedRoot, h.Kid, h.Signature), proof.LeafHash);
        Assert.Equal(InclusionFailure.BadSignature, InclusionVerifier.Verify(LogFixture.Ear(5), forged, _fixture.Jwks).Failure);
    }

    [Fact]
    public void AnOldProofStillVerifiesAgainstItsOwnHeadAfterTheLogGrows()
    {
        var old = Proof(0);
        for (var i = 21; i < 40; i++) _fixture.Log.Append(LogFixture.Ear(i));
        Assert.True(InclusionVerifier.Verify(LogFixture.Ear(0), old, _fixture.Jwks).IsValid);
        var current = Proof(0);
        Assert.Equal(40, current.TreeSize);
        // And the log proves its new head extends the old one.
        var consistency = _fixture.Log.ConsistencyProof(21, 40);
        Assert.Equal(ConsistencyCheck.Valid, MerkleVerifier.VerifyConsistency(21, 40, old.TreeHead.RootHash, current.TreeHead.RootHash, consistency.Path));
    }
}
