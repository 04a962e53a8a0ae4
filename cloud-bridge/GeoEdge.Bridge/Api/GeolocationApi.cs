using System.Text.Json;
using GeoEdge.Bridge.Geolocation;
using GeoEdge.Bridge.Store;
using GeoEdge.Geolocation;
using GeoEdge.Wire;

namespace GeoEdge.Bridge.Api;

/// <summary>
/// GET/PUT /v1/hosts/{hostId}/geolocation: the host's SIM phone number (which the operator's network is
/// asked about), whether it is stationary and its anchor; GET adds its last usable location. Like policies,
/// the settings may be given before the host enrolls (an operator provisions the SIM's number with the host).
/// </summary>
public static class GeolocationApi
{
    /// <summary>Tolerance bounds for a stationary host: below 10 m no position is precise enough, above 100 km it is not stationary.</summary>
    public const double MinToleranceMeters = 10, MaxToleranceMeters = 100_000;

    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapGet("/hosts/{hostId}/geolocation", (string hostId, BridgeStore store) =>
            !HostId.IsValid(hostId) ? BridgeApi.BadRequest($"host id '{hostId}' is not valid")
                : Results.Json(View(hostId, store), BridgeJsonContext.Default.GeolocationView));
        v1.MapPut("/hosts/{hostId}/geolocation", async (string hostId, HttpRequest request, BridgeStore store, NetworkLocationCheck network) =>
        {
            if (!HostId.IsValid(hostId)) return BridgeApi.BadRequest($"host id '{hostId}' is not valid");
            var body = await BridgeApi.ReadBoundedAsync(request, 4096);
            if (body is null) return BridgeApi.BadRequest("geolocation settings larger than 4096 bytes");
            GeolocationView settings;
            try
            {
                settings = JsonSerializer.Deserialize(body, BridgeJsonContext.Default.GeolocationView) ?? throw new JsonException("null");
            }
            catch (JsonException e)
            {
                return BridgeApi.BadRequest($"the body must be {{\"phoneNumber\", \"stationaryToleranceMeters\", \"anchor\": {{\"latitude\", \"longitude\"}}}}: {e.Message.Split(". ")[0]}");
            }
            if (Invalid(settings) is { } error) return BridgeApi.BadRequest(error);
            var anchor = settings.Anchor is { } a ? new GeoAnchor(a.Latitude, a.Longitude) : null;
            store.SetGeolocation(hostId, new HostGeolocation(settings.PhoneNumber, settings.StationaryToleranceMeters, anchor));
            // An earlier answer was about the old number's SIM.
            network.Forget(hostId);
            return Results.Json(View(hostId, store), BridgeJsonContext.Default.GeolocationView);
        });
    }

    private static string? Invalid(GeolocationView settings)
    {
        if (settings.PhoneNumber is { } phone)
        {
            try
            {
                new CamaraDevice(PhoneNumber: phone).Validate();
            }
            catch (ArgumentException e)
            {
                return e.Message;
            }
        }
        if (settings.StationaryToleranceMeters is { } tolerance && !(tolerance is >= MinToleranceMeters and <= MaxToleranceMeters))
            return $"stationaryToleranceMeters must be {MinToleranceMeters}-{MaxToleranceMeters} m, got {tolerance}";
        if (settings.Anchor is { } anchor)
        {
            if (settings.StationaryToleranceMeters is null) return "an anchor needs stationaryToleranceMeters: only a stationary host has one";
            if (!double.IsFinite(anchor.Latitude) || anchor.Latitude is < -90 or > 90 || !double.IsFinite(anchor.Longitude) || anchor.Longitude is < -180 or > 180)
                return $"anchor ({anchor.Latitude}, {anchor.Longitude}) is not a WGS-84 coordinate";
        }
        if (settings.LastLocation is not null) return "lastLocation is the bridge's to record, not a setting";
        return null;
    }

    private static GeolocationView View(string hostId, BridgeStore store)
    {
        var settings = store.GetGeolocation(hostId);
        var last = store.GetLastLocation(hostId);
        return new GeolocationView(settings.PhoneNumber, settings.StationaryToleranceMeters,
            settings.Anchor is { } a ? new AnchorView(a.Latitude, a.Longitude) : null,
            last is null ? null : new LastLocationView(last.Latitude, last.Longitude, last.RadiusMeters, last.Time));
    }
}
