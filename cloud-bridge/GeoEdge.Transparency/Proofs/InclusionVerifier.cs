using System.Security.Cryptography;
using GeoEdge.Ear;

namespace GeoEdge.Transparency;

/// <summary>
/// Offline check that an entry (e.g. the bytes of an EAR) is in the log, from a proof document and the bridge's
/// JWK Set alone: the tree head's signature, then the sizes, then the leaf, then the RFC 9162 2.1.3.2 walk to the root.
/// </summary>
public static class InclusionVerifier
{
    public static InclusionVerification Verify(ReadOnlySpan<byte> entry, ProofDocument proof, Jwks trusted)
    {
        ArgumentNullException.ThrowIfNull(proof);
        ArgumentNullException.ThrowIfNull(trusted);
        var head = TreeHeadVerifier.Verify(proof.TreeHead, trusted);
        if (!head.IsValid)
            return new(head.Failure == TreeHeadFailure.UnknownKid ? InclusionFailure.UnknownKid : InclusionFailure.BadSignature, $"treeHead: {head.Detail}");
        if (proof.TreeSize != proof.TreeHead.TreeSize)
            return new(InclusionFailure.SizesInconsistent, $"treeSize {proof.TreeSize} is not the signed tree head's size {proof.TreeHead.TreeSize}");
        if (proof.LeafIndex >= proof.TreeSize)
            return new(InclusionFailure.SizesInconsistent, $"leafIndex {proof.LeafIndex} is not inside a tree of {proof.TreeSize} leaves");
        var leafHash = MerkleHash.Leaf(entry);
        if (proof.LeafHash is { } claimed && !CryptographicOperations.FixedTimeEquals(claimed, leafHash))
            return new(InclusionFailure.WrongLeaf, $"the entry hashes to {Convert.ToBase64String(leafHash)}, the proof is for leaf {Convert.ToBase64String(claimed)}");
        var check = MerkleVerifier.VerifyInclusion(leafHash, proof.LeafIndex, proof.TreeSize, proof.InclusionPath, proof.TreeHead.RootHash);
        return check switch
        {
            InclusionCheck.Valid => new(InclusionFailure.None, $"entry {proof.LeafIndex} of {proof.TreeSize} under the tree head signed by '{proof.TreeHead.Kid}' at {proof.TreeHead.Timestamp} ms"),
            InclusionCheck.PathTooLong or InclusionCheck.PathTooShort => new(InclusionFailure.PathDoesNotReachRoot,
                $"inclusionPath: {proof.InclusionPath.Count} hashes is the wrong length for leaf {proof.LeafIndex} of {proof.TreeSize} ({check})"),
            InclusionCheck.RootMismatch => new(InclusionFailure.PathDoesNotReachRoot, proof.LeafHash is null
                ? "inclusionPath: the entry and path do not lead to the signed root (a different entry, or a wrong path)"
                : "inclusionPath: the path does not lead from the leaf to the signed root"),
            _ => new(InclusionFailure.PathDoesNotReachRoot, $"inclusionPath: {check}"),
        };
    }

    /// <summary>Parses the proof document first: a malformed one is a <see cref="InclusionFailure.MalformedDocument"/> naming the member.</summary>
    public static InclusionVerification Verify(ReadOnlySpan<byte> entry, ReadOnlySpan<byte> proofJson, Jwks trusted)
    {
        ProofDocument proof;
        try
        {
            proof = ProofDocument.Parse(proofJson);
        }
        catch (TransparencyFormatException e)
        {
            return new(InclusionFailure.MalformedDocument, e.Message);
        }
        return Verify(entry, proof, trusted);
    }
}
