namespace GeoEdge.Agent.Enrollment;

/// <summary>The bridge refused to register this host's AK; the reason is the bridge's own.</summary>
public sealed class EnrollmentRefusedException(string reason) : Exception($"enrollment refused by the bridge: {reason}")
{
    public string Reason { get; } = reason;
}
