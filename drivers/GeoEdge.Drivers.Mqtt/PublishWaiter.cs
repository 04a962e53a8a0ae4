namespace GeoEdge.Drivers.Mqtt;

/// <summary>
/// The task behind one PublishAsync. Completes on the broker's acknowledgement (QoS 1/2) or once
/// the packet is written to the socket (QoS 0). Cancelling only stops the wait: the message stays
/// in libmosquitto's queue (there is no call to take it back) and may still reach the broker; the
/// waiter stays registered so that late acknowledgement is consumed and not mistaken for another.
/// </summary>
internal sealed class PublishWaiter : AcknowledgementWaiter
{
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _topic;
    private readonly MqttQos _qos;
    private CancellationTokenRegistration _cancellation;

    public PublishWaiter(string topic, MqttQos qos)
    {
        _topic = topic;
        _qos = qos;
    }

    public Task Task => _completion.Task;

    public override bool LostWithConnection => _qos == MqttQos.AtMostOnce;

    public void CancelWith(CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled) return;
        _cancellation = cancellationToken.UnsafeRegister(
            static (state, token) => ((PublishWaiter)state!)._completion.TrySetCanceled(token), this);
    }

    public override void Acknowledged(int reasonCode)
    {
        // MQTT v5: reason codes below 0x80 are successes (0x10 "no matching subscribers" included).
        if (reasonCode >= 0x80) _completion.TrySetException(MqttException.FromReason(reasonCode, $"publish to '{_topic}'"));
        else _completion.TrySetResult();
        _cancellation.Unregister();
    }

    public override void Failed(Exception error)
    {
        _completion.TrySetException(error);
        _cancellation.Unregister();
    }
}
