using GeoEdge.Bridge.Store;
using GeoEdge.Geolocation;
using GeoEdge.Wire.Readings;

namespace GeoEdge.Bridge.Geolocation;

/// <summary>GL's answer for one reading, with what the network check came to (its problem, when it had no answer).</summary>
public sealed record Geolocated(CompositeLocation Location, NetworkCheck Network);

/// <summary>
/// The Geolocation service (GL): gathers the sources for one reading (the GNSS fix, the modem's serving cell
/// looked up in the cell database, the operator's answer, the host's previous location and its anchor when
/// stationary), fuses them, and remembers a usable result for the next reading's plausibility check.
/// </summary>
public sealed class GeolocationService(CellDatabase cells, NetworkLocationCheck network, BridgeStore store, FusionOptions fusion)
{
    public async Task<Geolocated> LocateAsync(string hostId, Reading reading, GnssObservation? gnss, CancellationToken ct)
    {
        var cell = CellLookup.Observe(cells, reading.Modem?.Cell);
        var settings = store.GetGeolocation(hostId);
        var check = await AskNetworkAsync(hostId, gnss, cell, ct);
        var previous = store.GetLastLocation(hostId) is { } last ? new PreviousLocation(last.Latitude, last.Longitude, last.RadiusMeters, last.Time) : null;
        var anchor = settings is { StationaryToleranceMeters: { } tolerance, Anchor: { } at } ? new StationaryAnchor(at.Latitude, at.Longitude, tolerance) : null;
        var location = LocationFusion.Fuse(new FusionInput(gnss, cell, check.Observation, previous, fusion, reading.Time, anchor));
        Remember(hostId, location, gnss?.Time ?? reading.Time);
        return new Geolocated(location, check);
    }

    /// <summary>The circle asked about is centred on the most precise position the host's own sources give.</summary>
    private async Task<NetworkCheck> AskNetworkAsync(string hostId, GnssObservation? gnss, CellObservation cell, CancellationToken ct)
    {
        if (!network.Enabled) return NetworkCheck.NotConfigured;
        if (gnss is not null) return await network.AskAsync(hostId, gnss.Latitude, gnss.Longitude, gnss.UncertaintyMeters, ct);
        if (cell.Record is { } r)
            return await network.AskAsync(hostId, r.Latitude, r.Longitude, Math.Max(r.RangeMeters, fusion.MinCellRangeMeters), ct);
        return new NetworkCheck(null, "no GNSS fix and no known serving cell: no place to ask the network about");
    }

    /// <summary>
    /// Only a usable location (not F) becomes the reference for the next reading, and the anchor of a
    /// stationary host that has none yet: a contradicted position must not move the reference it failed against.
    /// </summary>
    private void Remember(string hostId, CompositeLocation location, DateTimeOffset time)
    {
        if (location.Grade == LocationGrade.F || location is not { Latitude: { } lat, Longitude: { } lon, RadiusMeters: { } radius }) return;
        store.SetLastLocation(hostId, new LastLocation(lat, lon, radius, time));
        store.AnchorIfUnset(hostId, new GeoAnchor(lat, lon));
    }
}
