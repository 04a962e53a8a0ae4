using GeoEdge.Agent.Enrollment;
using GeoEdge.Agent.Logging;
using GeoEdge.Wire;
using GeoEdge.Wire.Messages;
using GeoEdge.Wire.Readings;

namespace GeoEdge.Agent.Outbox;

/// <summary>
/// Drains the outbox to the bridge one reading at a time, oldest first. A reading leaves the outbox
/// only when the bridge's result for exactly its bytes has come back (<see cref="DeliveryReceipts"/>),
/// not at the broker's PUBACK: a broker restarted without persistence can lose a message it already
/// acknowledged. The MQTT client re-sends an unacknowledged message after a reconnect, so the
/// publisher waits long for the PUBACK; a reading with no result in time is published again, and the
/// bridge recognises the copy (replayed-reading), so nothing is ever stored twice.
/// </summary>
public sealed class OutboxPublisher(DurableOutbox outbox, BridgeLink link, DeliveryReceipts receipts, string hostId, AgentLog log)
{
    private static readonly TimeSpan AckTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan ResultTimeout = TimeSpan.FromSeconds(10);
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
            var digest = DigestOf(seq, message);
            if (digest is null)
            {
                outbox.Quarantine(seq);
                continue;
            }
            var receipt = receipts.Expect(digest);
            if (!await PublishAsync(topic, seq, message, ct)) continue;
            if (await Task.WhenAny(receipt, Task.Delay(ResultTimeout, ct)) != receipt)
            {
                log.Warn($"reading {seq}: the broker took it but no result came back within {ResultTimeout.TotalSeconds:0} s; publishing it again");
                continue;
            }
            outbox.Remove(seq);
            Interlocked.Increment(ref _delivered);
            Acknowledged?.Invoke(seq);
        }
    }

    /// <summary>True once the broker acknowledged; false to try again.</summary>
    private async Task<bool> PublishAsync(string topic, ulong seq, byte[] message, CancellationToken ct)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(ct);
        attempt.CancelAfter(AckTimeout);
        try
        {
            await link.PublishAsync(topic, message, attempt.Token);
            return true;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            log.Warn($"reading {seq}: no acknowledgement within {AckTimeout.TotalSeconds:0} s; {outbox.Count} waiting; retrying");
            return false;
        }
        catch (Drivers.Mqtt.MqttException e)
        {
            log.Warn($"reading {seq}: publish failed ({e.Message}); retrying in 1 s");
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            return false;
        }
    }

    /// <summary>The digest the bridge's result will carry; null (logged) if the stored entry is unreadable.</summary>
    private byte[]? DigestOf(ulong seq, byte[] message)
    {
        try
        {
            return CanonicalReading.Digest(WireJson.Decode<AttestedReading>(message).Reading);
        }
        catch (WireFormatException e)
        {
            log.Error($"reading {seq} in the outbox is unreadable ({e.Message}); moved aside as .corrupt");
            return null;
        }
    }
}
