using GeoEdge.Ear;

namespace GeoEdge.Transparency;

/// <summary>Checks a signed tree head against the JWK Set a relying party trusts for the bridge.</summary>
public static class TreeHeadVerifier
{
    public static TreeHeadVerification Verify(SignedTreeHead treeHead, Jwks trusted)
    {
        ArgumentNullException.ThrowIfNull(treeHead);
        ArgumentNullException.ThrowIfNull(trusted);
        if (trusted.Find(treeHead.Kid) is not { } key)
            return new(TreeHeadFailure.UnknownKid, $"kid '{treeHead.Kid}' is not in the trusted key set", treeHead);
        if (!key.VerifyEs256(treeHead.SignedData(), treeHead.Signature))
            return new(TreeHeadFailure.BadSignature, $"the signature does not verify with key '{treeHead.Kid}' over tree size {treeHead.TreeSize}, timestamp {treeHead.Timestamp} and its root hash", treeHead);
        return new(TreeHeadFailure.None, $"signed by '{treeHead.Kid}' for tree size {treeHead.TreeSize}", treeHead);
    }

    /// <summary>Parses and checks a tree head JSON document: a malformed one is a failure, never an exception.</summary>
    public static TreeHeadVerification Verify(ReadOnlySpan<byte> utf8Json, Jwks trusted)
    {
        SignedTreeHead treeHead;
        try
        {
            treeHead = SignedTreeHead.Parse(utf8Json);
        }
        catch (TransparencyFormatException e)
        {
            return new(TreeHeadFailure.Malformed, e.Message, null);
        }
        return Verify(treeHead, trusted);
    }
}
