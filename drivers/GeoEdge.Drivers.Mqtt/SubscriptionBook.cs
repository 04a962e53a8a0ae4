namespace GeoEdge.Drivers.Mqtt;

/// <summary>
/// The subscriptions the client keeps. A clean-start session loses them on the broker at every
/// reconnect, so the client sends them all again on each CONNACK; callers waiting in SubscribeAsync
/// are released by whichever SUBACK for their filter comes first, the original or a repeat.
/// </summary>
internal sealed class SubscriptionBook
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, MqttQos> _filters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<TaskCompletionSource>> _waiters = new(StringComparer.Ordinal);

    /// <summary>Remembers the filter (before it is sent, so a reconnect in between cannot miss it).</summary>
    public Task Remember(string filter, MqttQos qos)
    {
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _filters[filter] = qos;
            if (!_waiters.TryGetValue(filter, out var list)) _waiters[filter] = list = [];
            list.Add(waiter);
        }
        return waiter.Task;
    }

    public void Forget(string filter, Exception error)
    {
        List<TaskCompletionSource>? waiters;
        lock (_gate)
        {
            _filters.Remove(filter);
            _waiters.Remove(filter, out waiters);
        }
        foreach (var waiter in waiters ?? []) waiter.TrySetException(error);
    }

    public KeyValuePair<string, MqttQos>[] Snapshot()
    {
        lock (_gate) return [.. _filters];
    }

    /// <summary>A SUBACK: granted QoS 0..2, or an MQTT v5 failure reason (0x80 and above). A refused
    /// filter is forgotten. Returns false when a refusal had nobody waiting (a refused re-subscription),
    /// so the caller can log it.</summary>
    public bool Granted(string filter, int reasonCode)
    {
        if (reasonCode >= 0x80)
        {
            bool anyoneWaiting;
            lock (_gate) anyoneWaiting = _waiters.TryGetValue(filter, out var list) && list.Count > 0;
            Forget(filter, MqttException.FromReason(reasonCode, $"subscribe to '{filter}'"));
            return anyoneWaiting;
        }
        List<TaskCompletionSource>? waiters;
        lock (_gate) _waiters.Remove(filter, out waiters);
        foreach (var waiter in waiters ?? []) waiter.TrySetResult();
        return true;
    }

    public void FailAll(Exception error)
    {
        List<TaskCompletionSource> all;
        lock (_gate)
        {
            all = [.. _waiters.Values.SelectMany(list => list)];
            _waiters.Clear();
        }
        foreach (var waiter in all) waiter.TrySetException(error);
    }
}
