using GeoEdge.Bridge.Store;

namespace GeoEdge.Bridge.Tests;

/// <summary>A BridgeStore on a fresh SQLite file in its own temporary directory, deleted on dispose.</summary>
public sealed class TempStore : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("geoedge-bridge-store-").FullName;

    public BridgeStore Store { get; }
    public string Path => System.IO.Path.Combine(_directory, "bridge.db");

    public TempStore() => Store = new BridgeStore(Path);

    /// <summary>Registers a host with placeholder key material (the store does not interpret it).</summary>
    public EnrolledHost Enroll(string hostId, string akName = "000b" + "aa", byte[]? akPublic = null)
    {
        var host = new EnrolledHost(hostId, [0x30], [0x01], akPublic ?? [0x02], akName, "{}", DateTimeOffset.UtcNow, null);
        Store.UpsertHost(host);
        return host;
    }

    public void Dispose()
    {
        Store.Dispose();
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { /* a leftover temp directory is harmless */ }
    }
}
