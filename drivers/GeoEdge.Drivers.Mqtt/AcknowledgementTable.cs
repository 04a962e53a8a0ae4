using GeoEdge.Drivers.Mqtt.Native;

namespace GeoEdge.Drivers.Mqtt;

/// <summary>Something waiting for the broker to answer one packet identifier (PUBACK/PUBCOMP, SUBACK).</summary>
internal abstract class AcknowledgementWaiter
{
    /// <summary>
    /// True when the packet is gone if the connection drops: libmosquitto discards unsent QoS 0
    /// packets and never repeats a SUBSCRIBE, so nobody would ever answer. QoS 1/2 publishes stay
    /// queued inside libmosquitto and are re-sent after the reconnect, so they keep waiting.
    /// </summary>
    public abstract bool LostWithConnection { get; }
    public abstract void Acknowledged(int reasonCode);
    public abstract void Failed(Exception error);
}

/// <summary>
/// Matches libmosquitto's acknowledgement callbacks (network thread) to waiters by message id.
/// The id is only known once mosquitto_publish_v5 / mosquitto_subscribe_v5 returns, and the answer
/// can arrive on the network thread before that; such an early answer is parked until its waiter
/// is registered. Every id libmosquitto hands out is registered (a failed or cancelled publish
/// leaves a waiter that nobody observes), so a parked answer never lingers and can never be mistaken
/// for the answer to a later message that reuses the 16-bit id.
/// </summary>
internal sealed class AcknowledgementTable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, AcknowledgementWaiter> _waiting = new();
    private readonly Dictionary<int, int> _early = new();
    private long _connectionGeneration;

    /// <summary>Read before sending; a connection loss in between is then noticed by <see cref="Expect"/>.</summary>
    public long ConnectionGeneration
    {
        get { lock (_gate) return _connectionGeneration; }
    }

    public void Expect(int mid, AcknowledgementWaiter waiter, long generationBeforeSend)
    {
        int reasonCode;
        bool answered, lost = false;
        AcknowledgementWaiter? displaced = null;
        lock (_gate)
        {
            answered = _early.Remove(mid, out reasonCode);
            if (!answered)
            {
                // A QoS 0 packet queued just before the connection dropped was discarded unsent.
                if (waiter.LostWithConnection && _connectionGeneration != generationBeforeSend) lost = true;
                else
                {
                    _waiting.Remove(mid, out displaced);
                    _waiting[mid] = waiter;
                }
            }
        }
        displaced?.Failed(new MqttException($"message id {mid} was reused by libmosquitto before the broker acknowledged it"));
        if (answered) waiter.Acknowledged(reasonCode);
        else if (lost) waiter.Failed(ConnectionLostError());
    }

    /// <summary>Called on the network thread for every PUBACK/PUBCOMP/SUBACK and every QoS 0 write.</summary>
    public void Acknowledge(int mid, int reasonCode)
    {
        AcknowledgementWaiter? waiter;
        lock (_gate)
        {
            if (!_waiting.Remove(mid, out waiter)) _early[mid] = reasonCode;
        }
        waiter?.Acknowledged(reasonCode);
    }

    public void ConnectionLost()
    {
        List<AcknowledgementWaiter> lost = [];
        lock (_gate)
        {
            _connectionGeneration++;
            List<int> lostIds = [];
            foreach (var (mid, waiter) in _waiting)
                if (waiter.LostWithConnection) lostIds.Add(mid);
            foreach (var mid in lostIds)
                if (_waiting.Remove(mid, out var waiter)) lost.Add(waiter);
        }
        if (lost.Count == 0) return;
        var error = ConnectionLostError();
        foreach (var waiter in lost) waiter.Failed(error);
    }

    public void FailAll(Exception error)
    {
        AcknowledgementWaiter[] all;
        lock (_gate)
        {
            all = [.. _waiting.Values];
            _waiting.Clear();
            _early.Clear();
        }
        foreach (var waiter in all) waiter.Failed(error);
    }

    private static MqttException ConnectionLostError() =>
        new("the connection to the broker dropped before the packet was sent; QoS 0 messages are not repeated",
            MosquittoConstants.ErrConnectionLost, reasonCode: 0);
}
