using System.Threading.Channels;
using GeoEdge.Drivers.Mqtt;
using GeoEdge.Hil.Rig.Processes;

namespace GeoEdge.Hil.Rig.Scenarios;

/// <summary>
/// Another client of the rig's broker, as an attacker or an observer would be: it records every raw
/// message on the topic filters it subscribed to and can publish anything anywhere. Tests use it to
/// capture the exact bytes a host sent (for replay) and to inject hostile payloads.
/// </summary>
public sealed class TopicTap : IAsyncDisposable
{
    private readonly MqttClient _client;
    private readonly Channel<MqttMessage> _seen = Channel.CreateUnbounded<MqttMessage>();
    private readonly CancellationTokenSource _stop = new();
    private Task? _pump;

    private TopicTap(MqttClient client) => _client = client;

    /// <summary>Connects and subscribes to every filter before returning, so nothing published afterwards is missed.</summary>
    public static async Task<TopicTap> StartAsync(int brokerPort, params string[] topicFilters)
    {
        var client = MqttClient.Create(new MqttClientOptions("127.0.0.1", brokerPort, $"geoedge-tap-{Guid.NewGuid():N}"));
        try
        {
            await client.ConnectAsync(CancellationToken.None);
            foreach (var filter in topicFilters)
                await client.SubscribeAsync(filter, MqttQos.AtLeastOnce, CancellationToken.None);
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
        var tap = new TopicTap(client);
        tap._pump = tap.PumpAsync();
        return tap;
    }

    /// <summary>The next recorded message that matches, skipping (and dropping) the others; RigException on timeout.</summary>
    public Task<MqttMessage> NextAsync(Func<MqttMessage, bool> match, TimeSpan timeout) =>
        NextAsync(m => match(m) ? m : null, timeout, "matching message");

    /// <summary>
    /// The next message <paramref name="decode"/> turns into a T (it returns null for messages to
    /// skip); RigException naming <paramref name="what"/> on timeout.
    /// </summary>
    public async Task<T> NextAsync<T>(Func<MqttMessage, T?> decode, TimeSpan timeout, string what) where T : class
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (true)
                if (decode(await _seen.Reader.ReadAsync(cts.Token)) is { } decoded) return decoded;
        }
        catch (OperationCanceledException)
        {
            throw new RigException($"no {what} within {timeout.TotalSeconds:0.#} s");
        }
    }

    /// <summary>Messages already recorded, without waiting.</summary>
    public IEnumerable<MqttMessage> Pending()
    {
        while (_seen.Reader.TryRead(out var message)) yield return message;
    }

    /// <summary>Forgets everything recorded so far (e.g. the agent's own enrollment outcome).</summary>
    public void Clear()
    {
        foreach (var _ in Pending()) { }
    }

    public Task PublishAsync(string topic, byte[] payload) =>
        _client.PublishAsync(topic, payload, MqttQos.AtLeastOnce, retain: false, _stop.Token);

    private async Task PumpAsync()
    {
        try
        {
            await foreach (var message in _client.Messages.ReadAllAsync(_stop.Token))
                _seen.Writer.TryWrite(message);
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
