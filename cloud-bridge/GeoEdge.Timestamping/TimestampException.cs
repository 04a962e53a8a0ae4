namespace GeoEdge.Timestamping;

/// <summary>A timestamp was not obtained or not accepted; <see cref="Reason"/> says why, the message says the details.</summary>
public class TimestampException(TimestampFailure reason, string message, Exception? inner = null)
    : Exception($"{reason}: {message}", inner)
{
    public TimestampFailure Reason { get; } = reason;
}

/// <summary>The TSA answered with a TimeStampResp whose PKIStatus is not granted (RFC 3161 section 2.4.2).</summary>
public sealed class TimestampRejectedException(PkiStatus status, PkiFailureInfo failureInfo, string? statusText)
    : TimestampException(TimestampFailure.Rejected,
        $"the TSA answered status {status} ({(int)status}), failInfo {failureInfo}{(statusText is null ? "" : $", \"{statusText}\"")}")
{
    public PkiStatus Status { get; } = status;
    public PkiFailureInfo FailureInfo { get; } = failureInfo;
    /// <summary>The PKIFreeText strings, joined with "; "; null when the TSA sent none.</summary>
    public string? StatusText { get; } = statusText;
}
