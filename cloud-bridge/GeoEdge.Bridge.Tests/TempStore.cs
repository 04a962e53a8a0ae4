using GeoEdge.Bridge.Geofencing;
using GeoEdge.Bridge.Geolocation;
using GeoEdge.Bridge.Options;
using GeoEdge.Bridge.Store;
using GeoEdge.Geolocation;
using Microsoft.Extensions.Logging.Abstractions;

namespace GeoEdge.Bridge.Tests;

/// <summary>A BridgeStore on a fresh SQLite file in its own temporary directory, deleted on dispose.</summary>
public sealed class TempStore : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("geoedge-bridge-store-").FullName;

    public BridgeStore Store { get; }
    public string Path => System.IO.Path.Combine(_directory, "bridge.db");

    /// <summary>GL's cell database, in the store's file as the bridge keeps it by default.</summary>
    public CellDatabase Cells => _cells ??= new CellDatabase(Path);
    private CellDatabase? _cells;

    public TempStore() => Store = new BridgeStore(Path);

    /// <summary>The bridge's location assessor over this store, without a network source unless one is given.</summary>
    public LocationAssessor Assessor(LocationGrade minimumGrade = LocationGrade.D, NetworkLocationCheck? network = null,
        JurisdictionData? jurisdictions = null) =>
        new(Store, new GnssAuthenticationAssessor(new GnssAuthenticationOptions()),
            new GeolocationService(Cells, network ?? NoNetwork(), Store, FusionOptions.Default), minimumGrade, jurisdictions);

    private NetworkLocationCheck NoNetwork() =>
        new(null, new NetworkLocationOptions(), Store, TimeProvider.System, NullLogger<NetworkLocationCheck>.Instance);

    /// <summary>Registers a host with placeholder key material (the store does not interpret it).</summary>
    public EnrolledHost Enroll(string hostId, string akName = "000b" + "aa", byte[]? akPublic = null)
    {
        var host = new EnrolledHost(hostId, [0x30], [0x01], akPublic ?? [0x02], akName, "{}", DateTimeOffset.UtcNow, null);
        Store.UpsertHost(host);
        return host;
    }

    public void Dispose()
    {
        _cells?.Dispose();
        Store.Dispose();
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { /* a leftover temp directory is harmless */ }
    }
}
