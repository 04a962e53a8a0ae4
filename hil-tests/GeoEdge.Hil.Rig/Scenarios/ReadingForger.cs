using GeoEdge.Drivers.Mqtt;
using GeoEdge.Wire;
using GeoEdge.Wire.Messages;
using GeoEdge.Wire.Readings;

namespace GeoEdge.Hil.Rig.Scenarios;

/// <summary>
/// An attacker on the broker: copies each attested reading a host publishes, moves the reported
/// position, and publishes the copy with the original quote and signature. The bridge must refuse
/// every copy, because the quote's qualifying data no longer matches the reading.
/// </summary>
public sealed class ReadingForger : IAsyncDisposable
{
    private readonly MqttClient _client;
    private readonly CancellationTokenSource _stop = new();
    private readonly HashSet<ulong> _forged = [];
    private readonly double _latitudeShift;
    private Task? _pump;

    public int Forged { get { lock (_forged) return _forged.Count; } }

    private ReadingForger(MqttClient client, double latitudeShift)
    {
        _client = client;
        _latitudeShift = latitudeShift;
    }

    public static async Task<ReadingForger> StartAsync(int brokerPort, string hostId, double latitudeShift = 0.5)
    {
        var client = MqttClient.Create(new MqttClientOptions("127.0.0.1", brokerPort, $"geoedge-forger-{hostId}"));
        await client.ConnectAsync(CancellationToken.None);
        await client.SubscribeAsync(Topics.Readings(hostId), MqttQos.AtLeastOnce, CancellationToken.None);
        var forger = new ReadingForger(client, latitudeShift);
        forger._pump = forger.PumpAsync();
        return forger;
    }

    /// <summary>The forged copy of an attested reading: same quote, moved position.</summary>
    public static byte[]? Forge(byte[] payload, double latitudeShift)
    {
        var original = WireJson.Decode<AttestedReading>(payload);
        var reading = CanonicalReading.Decode(original.Reading);
        if (reading.Fix is null) return null;
        var moved = reading with { Fix = reading.Fix with { Latitude = Math.Clamp(reading.Fix.Latitude + latitudeShift, -90, 90) } };
        return WireJson.Encode(original with { Reading = CanonicalReading.Encode(moved) });
    }

    private async Task PumpAsync()
    {
        try
        {
            await foreach (var message in _client.Messages.ReadAllAsync(_stop.Token))
            {
                AttestedReading original;
                try
                {
                    original = WireJson.Decode<AttestedReading>(message.Payload);
                }
                catch (WireFormatException)
                {
                    continue;
                }
                var seq = CanonicalReading.Decode(original.Reading).Seq;
                lock (_forged)
                    if (!_forged.Add(seq)) continue; // our own copy coming back, or a re-delivery
                var forged = Forge(message.Payload, _latitudeShift);
                if (forged is not null)
                    await _client.PublishAsync(message.Topic, forged, MqttQos.AtLeastOnce, retain: false, _stop.Token);
            }
        }
        catch (OperationCanceledException) { }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_pump is not null) await _pump;
        await _client.DisposeAsync();
        _stop.Dispose();
    }
}
