namespace GeoEdge.Transparency;

/// <summary>The result of an offline inclusion check; <see cref="Detail"/> says what held or what failed.</summary>
public sealed record InclusionVerification(InclusionFailure Failure, string Detail)
{
    public bool IsValid => Failure == InclusionFailure.None;
}
