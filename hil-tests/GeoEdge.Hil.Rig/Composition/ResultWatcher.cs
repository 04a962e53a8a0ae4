using System.Threading.Channels;
using GeoEdge.Drivers.Mqtt;
using GeoEdge.Wire;
using GeoEdge.Wire.Messages;

namespace GeoEdge.Hil.Rig.Composition;

/// <summary>
/// Listens, like any other MQTT client of the broker, to the results the bridge publishes for every
/// host, so the demo and the tests observe exactly what agents receive.
/// </summary>
public sealed class ResultWatcher : IAsyncDisposable
{
    private readonly MqttClient _client;
    private readonly CancellationTokenSource _stop = new();
    private Task? _pump;

    public Channel<ResultMessage> Results { get; } = Channel.CreateUnbounded<ResultMessage>();

    private ResultWatcher(MqttClient client) => _client = client;

    public static async Task<ResultWatcher> StartAsync(int brokerPort, CancellationToken ct = default)
    {
        var client = MqttClient.Create(new MqttClientOptions("127.0.0.1", brokerPort, $"geoedge-rig-watcher-{Guid.NewGuid():N}"[..40]));
        await client.ConnectAsync(ct);
        await client.SubscribeAsync(Topics.AllHosts(Topics.Leaf.Results), MqttQos.AtLeastOnce, ct);
        var watcher = new ResultWatcher(client);
        watcher._pump = watcher.PumpAsync();
        return watcher;
    }

    /// <summary>The next result, or a RigException naming the timeout.</summary>
    public async Task<ResultMessage> NextAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            return await Results.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new Processes.RigException($"no result from the bridge within {timeout.TotalSeconds:0} s");
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
                    Results.Writer.TryWrite(WireJson.Decode<ResultMessage>(message.Payload));
                }
                catch (WireFormatException)
                {
                    // Not ours to judge here; the tests look at what the bridge sent, and the bridge only sends results.
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
