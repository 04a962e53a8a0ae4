namespace GeoEdge.Transparency;

/// <summary>The result of checking a signed tree head; <see cref="Detail"/> says what failed, in words.</summary>
public sealed record TreeHeadVerification(TreeHeadFailure Failure, string Detail, SignedTreeHead? TreeHead)
{
    public bool IsValid => Failure == TreeHeadFailure.None;
}
