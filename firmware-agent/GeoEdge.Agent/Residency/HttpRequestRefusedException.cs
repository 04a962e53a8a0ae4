namespace GeoEdge.Agent.Residency;

/// <summary>A request the workload socket will not serve: the HTTP status to answer and why, for the client and the log.</summary>
public sealed class HttpRequestRefusedException(int status, string reason) : Exception(reason)
{
    public int Status { get; } = status;

    /// <summary>The short code of the error body.</summary>
    public string Code => Status switch
    {
        408 => "request-timeout",
        431 => "request-head-too-large",
        _ => "bad-request",
    };
}
