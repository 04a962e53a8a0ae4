using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using GeoEdge.Timestamping;

namespace GeoEdge.Bridge.Options;

/// <summary>
/// RFC 3161 trusted time on attestation results (docs/timestamping.md): the TSA the bridge asks and the
/// CA(s) its certificate must chain to. Off unless <see cref="Url"/> is set.
/// </summary>
public sealed class TimestampingOptions
{
    /// <summary>The TSA's HTTP(S) endpoint (application/timestamp-query is POSTed to it). Null: no timestamps.</summary>
    public string? Url { get; set; }

    /// <summary>PEM file of the CA certificate(s) a TSA certificate must chain to; required with Url. The system store is never used.</summary>
    public string? TrustedCaFile { get; set; }

    /// <summary>Bound on each exchange with the TSA, seconds.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    public bool Enabled => !string.IsNullOrWhiteSpace(Url);

    /// <summary>The client's settings; null when timestamping is off.</summary>
    /// <exception cref="InvalidOperationException">a setting is missing, out of range or unreadable; the message names it.</exception>
    public TimestampClientOptions? ClientOptions()
    {
        if (!Enabled)
        {
            if (!string.IsNullOrWhiteSpace(TrustedCaFile))
                throw new InvalidOperationException("Bridge:Timestamping:TrustedCaFile is set but Bridge:Timestamping:Url is not: set both, or neither");
            return null;
        }
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            throw new InvalidOperationException($"Bridge:Timestamping:Url '{Url}' is not an absolute http or https URL");
        if (string.IsNullOrWhiteSpace(TrustedCaFile))
            throw new InvalidOperationException($"Bridge:Timestamping:Url is set ({Url}) but Bridge:Timestamping:TrustedCaFile is not: name the PEM file of the TSA's CA");
        if (TimeoutSeconds is < 1 or > 300)
            throw new InvalidOperationException($"Bridge:Timestamping:TimeoutSeconds {TimeoutSeconds} must be between 1 and 300");
        var options = new TimestampClientOptions { Url = url, TrustedCas = LoadCas(TrustedCaFile), Timeout = TimeSpan.FromSeconds(TimeoutSeconds) };
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"Bridge:Timestamping: {e.Message}", e);
        }
        return options;
    }

    private static X509Certificate2Collection LoadCas(string path)
    {
        var cas = new X509Certificate2Collection();
        try
        {
            cas.ImportFromPemFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new InvalidOperationException($"Bridge:Timestamping:TrustedCaFile '{path}' cannot be read as PEM certificates: {e.Message}", e);
        }
        if (cas.Count == 0)
            throw new InvalidOperationException($"Bridge:Timestamping:TrustedCaFile '{path}' holds no PEM certificate");
        return cas;
    }
}
