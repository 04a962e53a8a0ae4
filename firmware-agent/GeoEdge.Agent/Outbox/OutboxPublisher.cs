using GeoEdge.Agent.Enrollment;
using GeoEdge.Agent.Logging;
using GeoEdge.Wire;

namespace GeoEdge.Agent.Outbox;

/// <summary>
/// Drains the outbox to the broker one reading at a time, oldest first, deleting each only after
/// its PUBACK. One in flight at a time keeps the order. The MQTT client itself re-sends an
/// unacknowledged message after a reconnect, so the publisher waits long for the ack (a broker outage
/// is normal) and publishes again only after that; the bridge recognises a re-delivered sequence
/// number, so a second copy is never stored twice.
/// </summary>
public sealed class OutboxPublisher(DurableOutbox outbox, BridgeLink link, string hostId, AgentLog log)
{
    private static readonly TimeSpan AckTimeout = TimeSpan.FromSeconds(120);
    private readonly SemaphoreSlim _wake = new(0);
    private long _delivered;

    public long Delivered => Interlocked.Read(ref _delivered);

    public event Action<ulong>? Acknowledged;

    /// <summary>Tells the publisher a new reading is waiting.</summary>
    public void Wake() => _wake.Release();

    public async Task RunAsync(CancellationToken ct)
    {
        var topic = Topics.Readings(hostId);
        while (!ct.IsCancellationRequested)
        {
            var next = outbox.Oldest();
            if (next is null)
            {
                await _wake.WaitAsync(TimeSpan.FromSeconds(1), ct);
                continue;
            }
            var (seq, message) = next.Value;
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(ct);
            attempt.CancelAfter(AckTimeout);
            try
            {
                await link.PublishAsync(topic, message, attempt.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                log.Warn($"reading {seq}: no acknowledgement within {AckTimeout.TotalSeconds:0} s; {outbox.Count} waiting; retrying");
                continue;
            }
            catch (Drivers.Mqtt.MqttException e)
            {
                log.Warn($"reading {seq}: publish failed ({e.Message}); retrying in 1 s");
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
                continue;
            }
            outbox.Remove(seq);
            Interlocked.Increment(ref _delivered);
            Acknowledged?.Invoke(seq);
        }
    }
}
