using System.Security.Cryptography.X509Certificates;

namespace GeoEdge.Timestamping;

/// <summary>Where the TSA is, which CAs may certify it, and the bounds on each exchange.</summary>
public sealed record TimestampClientOptions
{
    /// <summary>The TSA's HTTP(S) endpoint; the query is POSTed to it as application/timestamp-query.</summary>
    public required Uri Url { get; init; }

    /// <summary>The CA certificates a TSA certificate must chain to. The system trust store is never used.</summary>
    public required X509Certificate2Collection TrustedCas { get; init; }

    /// <summary>Bound on the whole exchange: connect, send, the TSA's work and the answer.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Larger answers are refused unread; a token with a short chain is a few KiB.</summary>
    public int MaxResponseBytes { get; init; } = 64 * 1024;

    /// <summary>How far genTime may be from the local clock, either way.</summary>
    public TimeSpan MaxClockSkew { get; init; } = TimeSpan.FromMinutes(2);

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <exception cref="ArgumentException">a setting is out of range; the message names it.</exception>
    public void Validate()
    {
        if (!Url.IsAbsoluteUri || Url.Scheme is not ("http" or "https"))
            throw new ArgumentException($"the TSA URL '{Url}' must be an absolute http or https URL");
        if (TrustedCas.Count == 0) throw new ArgumentException("at least one trusted TSA CA certificate is needed");
        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(5))
            throw new ArgumentException($"the TSA timeout {Timeout.TotalSeconds} s must be above 0 and at most 300 s");
        if (MaxResponseBytes is < 1024 or > 1024 * 1024)
            throw new ArgumentException($"MaxResponseBytes {MaxResponseBytes} must be between 1 KiB and 1 MiB");
        if (MaxClockSkew < TimeSpan.Zero) throw new ArgumentException("MaxClockSkew must not be negative");
    }
}
