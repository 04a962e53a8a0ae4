using System.Security.Cryptography.X509Certificates;
using GeoEdge.Hil.Rig.Processes;
using GeoEdge.Hil.Rig.Timestamping;
using GeoEdge.Timestamping;

namespace GeoEdge.Timestamping.Tests;

/// <summary>Rig TSAs (real openssl ts on loopback) in a private directory, and clients configured for them.</summary>
public sealed class TsaFixture : IAsyncLifetime
{
    private readonly RigDirectory _directory = new("tsa-tests");
    private readonly List<RigTsa> _started = [];

    /// <summary>The well-behaved TSA most tests use.</summary>
    public RigTsa Tsa { get; private set; } = null!;

    public async Task InitializeAsync() => Tsa = await StartAsync("main");

    public async Task<RigTsa> StartAsync(string name, TsaCertificateProfile? certificate = null)
    {
        var tsa = await RigTsa.StartAsync(_directory.Sub(name), $"GeoEdge rig TSA {name}", certificate);
        lock (_started) _started.Add(tsa);
        return tsa;
    }

    public static X509Certificate2Collection Trust(RigTsa tsa)
    {
        var cas = new X509Certificate2Collection();
        cas.ImportFromPemFile(tsa.CaCertificatePath);
        return cas;
    }

    public static TimestampClient ClientFor(RigTsa tsa, X509Certificate2Collection? trusted = null, TimeSpan? timeout = null,
        int maxResponseBytes = 64 * 1024, TimeProvider? clock = null) =>
        new(new TimestampClientOptions
        {
            Url = new Uri(tsa.Url),
            TrustedCas = trusted ?? Trust(tsa),
            Timeout = timeout ?? TimeSpan.FromSeconds(10),
            MaxResponseBytes = maxResponseBytes,
            Clock = clock ?? TimeProvider.System,
        });

    public async Task DisposeAsync()
    {
        foreach (var tsa in _started) await tsa.DisposeAsync();
        _directory.Dispose();
    }
}
