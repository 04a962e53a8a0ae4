using System.Threading.Channels;
using GeoEdge.Drivers.Mqtt;
using GeoEdge.Hil.Rig.Processes;
using GeoEdge.Wire;
using GeoEdge.Wire.Messages;

namespace GeoEdge.Hil.Rig.Scenarios;

/// <summary>
/// A passive listener on one host's readings topic: sees exactly the attested readings the agent
/// publishes (what an eavesdropper on the broker sees), so tests can check them with outside tools or
/// reuse their parts. Payloads that are not attested readings are counted and skipped.
/// </summary>
public sealed class ReadingTap : IAsyncDisposable
{
    private readonly MqttClient _client;
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<AttestedReading> _readings = Channel.CreateUnbounded<AttestedReading>();
    private Task? _pump;
    private int _undecodable;

    /// <summary>Messages on the topic that did not decode as an AttestedReading.</summary>
    public int Undecodable => Volatile.Read(ref _undecodable);

    private ReadingTap(MqttClient client) => _client = client;

    public static async Task<ReadingTap> StartAsync(int brokerPort, string hostId, CancellationToken ct = default)
    {
        var client = MqttClient.Create(new MqttClientOptions("127.0.0.1", brokerPort, $"geoedge-tap-{Guid.NewGuid():N}"[..32]));
        try
        {
            await client.ConnectAsync(ct);
            await client.SubscribeAsync(Topics.Readings(hostId), MqttQos.AtLeastOnce, ct);
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
        var tap = new ReadingTap(client);
        tap._pump = tap.PumpAsync();
        return tap;
    }

    /// <summary>The next attested reading published on the topic, or a RigException naming the timeout.</summary>
    public async Task<AttestedReading> NextAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            return await _readings.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new RigException($"no attested reading was published within {timeout.TotalSeconds:0} s");
        }
    }

    private async Task PumpAsync()
    {
        try
        {
            await foreach (var message in _client.Messages.ReadAllAsync(_stop.Token))
            {
                try
                {
                    _readings.Writer.TryWrite(WireJson.Decode<AttestedReading>(message.Payload));
                }
                catch (WireFormatException)
                {
                    Interlocked.Increment(ref _undecodable);
                }
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
