namespace GeoEdge.Ear;

/// <summary>ear_verifier_id (AR4SI section 3.3): who built the verifier and which build produced this result.</summary>
public sealed record VerifierId
{
    public string Developer { get; }
    public string Build { get; }

    public VerifierId(string developer, string build)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(developer);
        ArgumentException.ThrowIfNullOrWhiteSpace(build);
        Developer = developer;
        Build = build;
    }
}
