using System.Collections.Concurrent;
using GeoEdge.Hil.Rig.Mqtt;

namespace GeoEdge.Drivers.Mqtt.Tests;

/// <summary>Each test owns its broker, because each one stops it. Outages last 2 s, not the 30 s of
/// the system fault test: what matters is that the client recovers by itself, not how long it waits.</summary>
public sealed class BrokerOutageTests
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Client_reconnects_and_resubscribes_by_itself_after_a_broker_restart()
    {
        using var rig = await MosquittoRig.StartAsync();
        var topic = TestClients.UniqueTopic("restart");
        await using var client = await TestClients.ConnectedAsync(TestClients.Plain(rig, "restart"));
        var changes = new ConcurrentQueue<bool>();
        client.ConnectionChanged += changes.Enqueue;
        await client.SubscribeAsync(topic, MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(TestClients.Patience);

        rig.Stop();
        await TestClients.EventuallyAsync(() => !client.IsConnected, "the client to notice the broker is gone");
        await Task.Delay(Outage);
        await rig.StartAgainAsync();
        await TestClients.EventuallyAsync(() => client.IsConnected, "the client to reconnect");

        // The restarted broker has no sessions (persistence off): the message only arrives if the
        // client subscribed again by itself. Published by another client so nothing is shortcut.
        await using var publisher = await TestClients.ConnectedAsync(TestClients.Plain(rig, "pub"));
        await TestClients.EventuallyAsync(() => changes.Count >= 2, "ConnectionChanged(false) and (true)");
        await publisher.PublishAsync(topic, "after restart"u8.ToArray(), MqttQos.AtLeastOnce).WaitAsync(TestClients.Patience);

        Assert.Equal("after restart"u8.ToArray(), (await client.Messages.NextAsync()).Payload);
        Assert.Equal([false, true], changes.ToArray());
    }

    [Fact]
    public async Task Qos1_publish_started_during_the_outage_completes_once_the_broker_is_back()
    {
        using var rig = await MosquittoRig.StartAsync();
        var topic = TestClients.UniqueTopic("offline-publish");
        await using var client = await TestClients.ConnectedAsync(TestClients.Plain(rig, "offline"));
        await client.SubscribeAsync(topic, MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(TestClients.Patience);

        rig.Stop();
        await TestClients.EventuallyAsync(() => !client.IsConnected, "the client to notice the broker is gone");
        var publish = client.PublishAsync(topic, "queued offline"u8.ToArray(), MqttQos.AtLeastOnce);
        await Task.Delay(Outage);
        Assert.False(publish.IsCompleted, "the publish completed while no broker was running");

        await rig.StartAgainAsync();
        await publish.WaitAsync(TestClients.Patience);

        // The client re-subscribed before libmosquitto re-sent the queued message, so it gets it back.
        var message = await client.Messages.NextAsync();
        Assert.Equal("queued offline"u8.ToArray(), message.Payload);
        Assert.True(await client.Messages.StaysEmptyAsync(TimeSpan.FromMilliseconds(300)), "the message arrived twice");
    }

    [Fact]
    public async Task Qos1_message_unacknowledged_when_the_broker_dies_is_sent_again_after_the_reconnect()
    {
        using var rig = await MosquittoRig.StartAsync();
        var topic = TestClients.UniqueTopic("inflight");
        await using var client = await TestClients.ConnectedAsync(TestClients.Plain(rig, "inflight"));
        await client.SubscribeAsync(topic, MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(TestClients.Patience);

        rig.Freeze(); // the PUBLISH reaches the socket, the PUBACK never comes
        var publish = client.PublishAsync(topic, "in flight"u8.ToArray(), MqttQos.AtLeastOnce);
        await Task.Delay(500);
        Assert.False(publish.IsCompleted, "a frozen broker acknowledged the message");
        rig.Kill(); // dies with the message unacknowledged
        await TestClients.EventuallyAsync(() => !client.IsConnected, "the client to notice the broker died");

        await rig.StartAgainAsync();
        await publish.WaitAsync(TestClients.Patience);
        Assert.Equal("in flight"u8.ToArray(), (await client.Messages.NextAsync()).Payload);
    }

    [Fact]
    public async Task Publish_waiting_for_the_broker_is_cancelled_cleanly_by_its_token_and_the_client_goes_on()
    {
        using var rig = await MosquittoRig.StartAsync();
        var topic = TestClients.UniqueTopic("cancel");
        await using var client = await TestClients.ConnectedAsync(TestClients.Plain(rig, "cancel"));

        rig.Stop();
        await TestClients.EventuallyAsync(() => !client.IsConnected, "the client to notice the broker is gone");
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var cancelled = client.PublishAsync(topic, new byte[] { 1 }, MqttQos.AtLeastOnce, ct: cts.Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(TestClients.Patience));

        await rig.StartAgainAsync();
        await TestClients.EventuallyAsync(() => client.IsConnected, "the client to reconnect");
        await client.PublishAsync(topic, new byte[] { 2 }, MqttQos.AtLeastOnce).WaitAsync(TestClients.Patience);
    }

    [Fact]
    public async Task Qos0_publish_while_disconnected_fails_at_once_with_no_connection()
    {
        using var rig = await MosquittoRig.StartAsync();
        await using var client = await TestClients.ConnectedAsync(TestClients.Plain(rig, "qos0off"));
        rig.Stop();
        await TestClients.EventuallyAsync(() => !client.IsConnected, "the client to notice the broker is gone");

        var error = await Assert.ThrowsAsync<MqttException>(
            () => client.PublishAsync(TestClients.UniqueTopic("qos0off"), new byte[] { 1 }, MqttQos.AtMostOnce).WaitAsync(TestClients.Patience));
        Assert.Equal(4, error.ErrorCode); // MOSQ_ERR_NO_CONN
    }

    [Fact]
    public async Task Subscribe_while_disconnected_is_sent_and_completes_after_the_reconnect()
    {
        using var rig = await MosquittoRig.StartAsync();
        var topic = TestClients.UniqueTopic("latesub");
        await using var client = await TestClients.ConnectedAsync(TestClients.Plain(rig, "latesub"));
        rig.Stop();
        await TestClients.EventuallyAsync(() => !client.IsConnected, "the client to notice the broker is gone");

        var subscribe = client.SubscribeAsync(topic, MqttQos.AtLeastOnce, CancellationToken.None);
        await Task.Delay(500);
        Assert.False(subscribe.IsCompleted, "a subscription was granted with no broker running");
        await rig.StartAgainAsync();
        await subscribe.WaitAsync(TestClients.Patience);

        await client.PublishAsync(topic, new byte[] { 7 }, MqttQos.AtLeastOnce).WaitAsync(TestClients.Patience);
        Assert.Equal([7], (await client.Messages.NextAsync()).Payload);
    }
}
