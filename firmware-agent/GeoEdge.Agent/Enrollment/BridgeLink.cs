using System.Threading.Channels;
using GeoEdge.Agent.Configuration;
using GeoEdge.Agent.Logging;
using GeoEdge.Drivers.Mqtt;
using GeoEdge.Wire;
using GeoEdge.Wire.Messages;

namespace GeoEdge.Agent.Enrollment;

/// <summary>
/// The agent's MQTT session with the bridge: its own topic subtree plus the retained nonce epoch.
/// Incoming messages are decoded here and sorted into channels; a malformed one is logged and
/// dropped, never allowed to stop the agent.
/// </summary>
public sealed class BridgeLink : IAsyncDisposable
{
    private readonly MqttClient _client;
    private readonly string _hostId;
    private readonly AgentLog _log;
    private NonceEpoch? _epoch;

    public Channel<CredentialChallenge> Challenges { get; } = Channel.CreateUnbounded<CredentialChallenge>();
    public Channel<EnrollmentOutcome> Outcomes { get; } = Channel.CreateUnbounded<EnrollmentOutcome>();
    public Channel<ResultMessage> Results { get; } = Channel.CreateUnbounded<ResultMessage>();

    public BridgeLink(AgentConfig config, AgentLog log)
    {
        _hostId = config.HostId!;
        _log = log;
        var b = config.Broker;
        _client = MqttClient.Create(new MqttClientOptions(b.Host, b.Port, $"geoedge-agent-{_hostId}")
        {
            Tls = b.CaFile is null ? null : new MqttTlsOptions(b.CaFile, b.CertFile, b.KeyFile),
            // Bounded so a fleet does not hammer a restarting broker, short enough to drain the outbox soon.
            ReconnectDelayMax = TimeSpan.FromSeconds(10),
        });
        _client.ConnectionChanged += up => _log.Info($"broker {b.Host}:{b.Port} {(up ? "connected" : "disconnected")}");
    }

    public NonceEpoch? Epoch => Volatile.Read(ref _epoch);

    /// <summary>Raised (on the dispatch thread) for every epoch the bridge publishes.</summary>
    public event Action<NonceEpoch>? EpochReceived;

    public async Task StartAsync(CancellationToken ct)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            try
            {
                await _client.ConnectAsync(ct);
                break;
            }
            catch (MqttException e)
            {
                _log.Warn($"cannot reach the broker yet ({e.Message}); retrying in {delay.TotalSeconds:0.#} s");
                await Task.Delay(delay, ct);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 10_000));
            }
        }
        foreach (var topic in new[] { Topics.NonceEpoch, Topics.Challenge(_hostId), Topics.Enrolled(_hostId), Topics.Results(_hostId) })
            await _client.SubscribeAsync(topic, MqttQos.AtLeastOnce, ct);
        _ = Task.Run(() => DispatchAsync(ct), ct);
    }

    public Task PublishAsync(string topic, byte[] payload, CancellationToken ct) =>
        _client.PublishAsync(topic, payload, MqttQos.AtLeastOnce, retain: false, ct);

    /// <summary>Waits until the bridge's retained nonce epoch has arrived.</summary>
    public async Task<NonceEpoch> WaitForEpochAsync(CancellationToken ct)
    {
        var waited = TimeSpan.Zero;
        while (Epoch is null)
        {
            await Task.Delay(50, ct);
            waited += TimeSpan.FromMilliseconds(50);
            if (waited.TotalMilliseconds % 10_000 == 0)
                _log.Warn($"still waiting for the bridge's nonce epoch on {Topics.NonceEpoch} ({waited.TotalSeconds:0} s)");
        }
        return Epoch;
    }

    private async Task DispatchAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var message in _client.Messages.ReadAllAsync(ct))
            {
                try
                {
                    Dispatch(message.Topic, message.Payload);
                }
                catch (WireFormatException e)
                {
                    _log.Warn($"dropped a malformed message on {message.Topic}: {e.Message}");
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
    }

    private void Dispatch(string topic, byte[] payload)
    {
        if (topic == Topics.NonceEpoch)
        {
            var epoch = WireJson.Decode<NonceEpoch>(payload);
            Volatile.Write(ref _epoch, epoch);
            EpochReceived?.Invoke(epoch);
            return;
        }
        switch (Topics.ParseHostTopic(topic))
        {
            case (var host, Topics.Leaf.Challenge) when host == _hostId:
                Challenges.Writer.TryWrite(WireJson.Decode<CredentialChallenge>(payload));
                break;
            case (var host, Topics.Leaf.Enrolled) when host == _hostId:
                Outcomes.Writer.TryWrite(WireJson.Decode<EnrollmentOutcome>(payload));
                break;
            case (var host, Topics.Leaf.Results) when host == _hostId:
                Results.Writer.TryWrite(WireJson.Decode<ResultMessage>(payload));
                break;
            default:
                _log.Warn($"ignored a message on unexpected topic {topic}");
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try { await _client.DisconnectAsync(); }
        catch (MqttException) { /* already gone */ }
        await _client.DisposeAsync();
    }
}
