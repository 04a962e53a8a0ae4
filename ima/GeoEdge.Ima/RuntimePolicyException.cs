namespace GeoEdge.Ima;

/// <summary>A runtime policy (or allowlist) that cannot be used, naming the member (or line) that is wrong.</summary>
public sealed class RuntimePolicyException(string member, string problem, Exception? inner = null)
    : Exception($"runtime policy {member}: {problem}", inner)
{
    /// <summary>JSON path of the bad member ("digests[\"/usr/bin/dd\"][0]", "excludes[2]", ...) or "line N" of an allowlist.</summary>
    public string Member { get; } = member;

    public string Problem { get; } = problem;
}
