using System.Threading.Channels;
using GeoEdge.Bridge.Freshness;
using GeoEdge.Bridge.Options;
using GeoEdge.Drivers.Mqtt;
using GeoEdge.Wire;
using Microsoft.Extensions.Options;

namespace GeoEdge.Bridge.Ingest;

/// <summary>
/// The bridge's MQTT side: subscribes to every host's enroll, activate and readings topics (as a
/// shared subscription when several bridges split the load), hands each message to the router,
/// publishes the answers, and rotates and publishes the nonce epoch.
/// </summary>
public sealed class MqttIngestService(
    MessageRouter router,
    NonceEpochs epochs,
    IOptions<BridgeOptions> options,
    ILogger<MqttIngestService> log) : BackgroundService
{
    private static readonly string[] Leaves = [Topics.Leaf.Enroll, Topics.Leaf.Activate, Topics.Leaf.Readings];

    /// <summary>Answers handled but not yet published; at the bound the ingest waits for the publisher.</summary>
    private const int MaxAnswersInFlight = 4096;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var broker = options.Value.Broker;
        await using var client = MqttClient.Create(new MqttClientOptions(broker.Host, broker.Port, broker.ClientId)
        {
            Tls = broker.CaFile is null ? null : new MqttTlsOptions(broker.CaFile, broker.CertFile, broker.KeyFile),
            // Every host's readings wait on the bridge: come back quickly after a broker restart.
            ReconnectDelayMax = TimeSpan.FromSeconds(5),
        });
        client.ConnectionChanged += connected =>
        {
            log.LogInformation("broker {Host}:{Port} {State}", broker.Host, broker.Port, connected ? "connected" : "disconnected");
            // A broker restarted without persistence has lost the retained epoch, and an agent that
            // starts now would wait for it: publish it again on every (re)connection.
            if (connected) PublishEpochInBackground(client, epochs.Current, stoppingToken);
        };

        await ConnectWithRetryAsync(client, stoppingToken);
        foreach (var leaf in Leaves)
        {
            var filter = Topics.AllHosts(leaf);
            if (broker.Shared) filter = $"$share/{Topics.BridgeShareGroup}/{filter}";
            await client.SubscribeAsync(filter, MqttQos.AtLeastOnce, stoppingToken);
        }
        PublishEpochInBackground(client, epochs.Current, stoppingToken);
        _ = RotateEpochsAsync(client, stoppingToken);

        // Answers wait here for their payload (a result for its notarization) while the next messages are handled;
        // the bound holds the ingest back when results are made faster than they can be logged and published.
        var outbox = Channel.CreateBounded<Outgoing>(new BoundedChannelOptions(MaxAnswersInFlight) { SingleReader = true, SingleWriter = true });
        var publisher = PublishInOrderAsync(client, outbox, stoppingToken);
        try
        {
            await foreach (var message in client.Messages.ReadAllAsync(stoppingToken))
            {
                IReadOnlyList<Outgoing> answers;
                try
                {
                    answers = await router.HandleAsync(message.Topic, message.Payload, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // The router refuses bad input itself; reaching here is a bridge bug. Log it with the
                    // topic and keep serving the other hosts rather than dying on one message.
                    log.LogError(e, "failed to handle a message on {Topic}", message.Topic);
                    continue;
                }
                foreach (var answer in answers) await outbox.Writer.WriteAsync(answer, stoppingToken);
            }
        }
        finally
        {
            outbox.Writer.TryComplete();
            await publisher;
        }
    }

    /// <summary>
    /// Results go out in the order their readings came in, each once it is ready to publish. A publish that fails
    /// closes the outbox with its exception, so the ingest loop stops on it (as when it published itself) instead of
    /// filling the outbox and then waiting forever for a publisher that is gone.
    /// </summary>
    private async Task PublishInOrderAsync(MqttClient client, Channel<Outgoing> outbox, CancellationToken ct)
    {
        try
        {
            await foreach (var answer in outbox.Reader.ReadAllAsync(ct))
            {
                byte[] payload;
                try
                {
                    payload = await answer.Payload;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The notary already logged why (the log could not take it): a result it does not hold is never published.
                    log.LogError("answer on {Topic} not published: {Reason}", answer.Topic, e.Message);
                    continue;
                }
                await client.PublishAsync(answer.Topic, payload, MqttQos.AtLeastOnce, retain: false, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
        catch (Exception e)
        {
            outbox.Writer.TryComplete(e);
            throw;
        }
    }

    private async Task ConnectWithRetryAsync(MqttClient client, CancellationToken ct)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            try
            {
                await client.ConnectAsync(ct);
                return;
            }
            catch (MqttException e)
            {
                log.LogWarning("cannot connect to the broker yet ({Error}); retrying in {Delay} ms", e.Message, delay.TotalMilliseconds);
                await Task.Delay(delay, ct);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
            }
        }
    }

    /// <summary>Rotates on time, whether or not the broker is reachable: publishing never holds it back.</summary>
    private Task RotateEpochsAsync(MqttClient client, CancellationToken ct) => Task.Run(async () =>
    {
        using var timer = new PeriodicTimer(epochs.Period);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
                PublishEpochInBackground(client, epochs.Rotate(), ct);
        }
        catch (OperationCanceledException) { }
    }, ct);

    private void PublishEpochInBackground(MqttClient client, Wire.Messages.NonceEpoch epoch, CancellationToken ct) => _ = Task.Run(async () =>
    {
        try
        {
            await client.PublishAsync(Topics.NonceEpoch, WireJson.Encode(epoch), MqttQos.AtLeastOnce, retain: true, ct);
            log.LogInformation("nonce epoch {Epoch} published", epoch.Epoch);
        }
        catch (OperationCanceledException) { }
        catch (MqttException e)
        {
            // The next (re)connection publishes the current epoch again.
            log.LogWarning("nonce epoch {Epoch} not published: {Error}", epoch.Epoch, e.Message);
        }
    }, ct);
}
