using System.Collections.Concurrent;
using GeoEdge.Bridge.Options;
using GeoEdge.Bridge.Store;
using GeoEdge.Geolocation;

namespace GeoEdge.Bridge.Geolocation;

/// <summary>
/// What the network answered for one reading: the observation fusion weighs, or, when there is none, the
/// <paramref name="Problem"/> that kept the bridge from having one (no phone number, operator error, timeout).
/// </summary>
public sealed record NetworkCheck(NetworkObservation? Observation, string? Problem, bool Reused = false)
{
    public static NetworkCheck NotConfigured { get; } = new(null, null);
}

/// <summary>
/// Asks the operator (CAMARA Device Location Verification) whether the host's SIM is within a circle around
/// the position the other sources give. Operators charge per request, so a host's last answer is reused
/// while it is young and the position still lies wholly inside the circle it was about. Thread-safe.
/// </summary>
public sealed class NetworkLocationCheck : IDisposable
{
    private readonly CamaraLocationVerificationClient? _client;
    private readonly HttpClient? _http;
    private readonly NetworkLocationOptions _options;
    private readonly BridgeStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<NetworkLocationCheck> _log;
    private readonly ConcurrentDictionary<string, (NetworkObservation Answer, DateTimeOffset At)> _recent = new();

    /// <param name="client">Null: no network source is configured, every check answers <see cref="NetworkCheck.NotConfigured"/>.</param>
    public NetworkLocationCheck(CamaraOptions? client, NetworkLocationOptions options, BridgeStore store, TimeProvider time, ILogger<NetworkLocationCheck> log)
    {
        _options = options;
        _store = store;
        _time = time;
        _log = log;
        if (client is null) return;
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        _client = new CamaraLocationVerificationClient(_http, client, time);
    }

    public bool Enabled => _client is not null;

    /// <summary>Never throws for the operator's behaviour: every failure is a <see cref="NetworkCheck.Problem"/>.</summary>
    public async Task<NetworkCheck> AskAsync(string hostId, double latitude, double longitude, double positionRadiusMeters, CancellationToken ct)
    {
        if (_client is null) return NetworkCheck.NotConfigured;
        if (_store.GetGeolocation(hostId).PhoneNumber is not { } phone)
            return new NetworkCheck(null, $"host '{hostId}' has no phone number to ask the network about (set it with PUT /v1/hosts/{hostId}/geolocation)");
        var now = _time.GetUtcNow();
        if (Reusable(hostId, latitude, longitude, positionRadiusMeters, now) is { } reused) return new NetworkCheck(reused, null, Reused: true);

        var radius = Math.Min(Math.Max(_options.MinRadiusMeters, Math.Ceiling(positionRadiusMeters)), CamaraLocationVerificationClient.MaxRadiusMeters);
        try
        {
            var answer = await _client.VerifyAsync(new CamaraDevice(PhoneNumber: phone), latitude, longitude, radius, _options.MaxAgeSeconds, ct);
            var observation = NetworkObservation.From(answer, latitude, longitude, radius);
            _recent[hostId] = (observation, now);
            return new NetworkCheck(observation, null);
        }
        catch (CamaraException e)
        {
            _log.LogWarning("host {Host}: the network location check failed: {Error}", hostId, e.Message);
            return new NetworkCheck(null, $"the network location check failed: {e.Message}");
        }
        catch (ArgumentException e)
        {
            return new NetworkCheck(null, $"the network cannot be asked: {e.Message}");
        }
    }

    private NetworkObservation? Reusable(string hostId, double latitude, double longitude, double radius, DateTimeOffset now)
    {
        if (_options.ReuseAnswerSeconds <= 0 || !_recent.TryGetValue(hostId, out var recent)) return null;
        if (now - recent.At > TimeSpan.FromSeconds(_options.ReuseAnswerSeconds)) return null;
        var answer = recent.Answer;
        var distance = GreatCircle.DistanceMeters(latitude, longitude, answer.CenterLatitude, answer.CenterLongitude);
        return distance + radius <= answer.RadiusMeters ? answer : null;
    }

    /// <summary>The operator's answer belongs to the SIM: forget it when the host's phone number changes.</summary>
    public void Forget(string hostId) => _recent.TryRemove(hostId, out _);

    public void Dispose()
    {
        _client?.Dispose();
        _http?.Dispose();
    }
}
