namespace GeoEdge.Drivers.Mqtt;

/// <summary>Routes the SUBACK for one SUBSCRIBE packet to the book. A SUBSCRIBE that was on the
/// wire when the connection dropped gets no answer; the re-subscription after the reconnect does.</summary>
internal sealed class SubscribeAckWaiter(SubscriptionBook book, string filter, Action<string, int> refusedWithoutWaiter) : AcknowledgementWaiter
{
    public override bool LostWithConnection => true;

    public override void Acknowledged(int reasonCode)
    {
        if (!book.Granted(filter, reasonCode)) refusedWithoutWaiter(filter, reasonCode);
    }

    public override void Failed(Exception error) { /* the re-subscription after the reconnect answers the waiters */ }
}
