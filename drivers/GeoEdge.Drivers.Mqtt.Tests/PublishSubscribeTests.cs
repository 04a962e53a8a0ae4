namespace GeoEdge.Drivers.Mqtt.Tests;

public sealed class PublishSubscribeTests(BrokerFixture broker) : IClassFixture<BrokerFixture>
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1000)]
    [InlineData(256 * 1024)]
    public async Task Qos1_round_trip_keeps_every_payload_byte(int size)
    {
        var topic = TestClients.UniqueTopic("roundtrip");
        await using var subscriber = await TestClients.ConnectedAsync(TestClients.Plain(broker.Rig, "sub"));
        await using var publisher = await TestClients.ConnectedAsync(TestClients.Plain(broker.Rig, "pub"));
        await subscriber.SubscribeAsync(topic, MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(TestClients.Patience);

        var payload = new byte[size];
        new Random(size).NextBytes(payload);
        if (size > 2) { payload[0] = 0; payload[^1] = 0; } // NUL bytes must not end anything early

        await publisher.PublishAsync(topic, payload, MqttQos.AtLeastOnce).WaitAsync(TestClients.Patience);

        var received = await subscriber.Messages.NextAsync();
        Assert.Equal(topic, received.Topic);
        Assert.Equal(MqttQos.AtLeastOnce, received.Qos);
        Assert.False(received.Retain);
        Assert.Equal(payload, received.Payload);
    }

    [Fact]
    public async Task Hundred_qos1_publishes_arrive_complete_and_in_order()
    {
        var topic = TestClients.UniqueTopic("order");
        await using var subscriber = await TestClients.ConnectedAsync(TestClients.Plain(broker.Rig, "sub"));
        await using var publisher = await TestClients.ConnectedAsync(TestClients.Plain(broker.Rig, "pub"));
        await subscriber.SubscribeAsync(topic, MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(TestClients.Patience);

        // All in flight at once: ordering must hold through libmosquitto's queue, not by waiting.
        var publishes = Enumerable.Range(0, 100)
            .Select(i => publisher.PublishAsync(topic, BitConverter.GetBytes(i), MqttQos.AtLeastOnce))
            .ToArray();
        await Task.WhenAll(publishes).WaitAsync(TestClients.Patience);

        for (var expected = 0; expected < 100; expected++)
        {
            var message = await subscriber.Messages.NextAsync();
            Assert.Equal(expected, BitConverter.ToInt32(message.Payload));
        }
        Assert.True(await subscriber.Messages.StaysEmptyAsync(TimeSpan.FromMilliseconds(300)), "more than 100 messages arrived");
    }

    [Fact]
    public async Task Qos0_publish_completes_and_arrives()
    {
        var topic = TestClients.UniqueTopic("qos0");
        await using var client = await TestClients.ConnectedAsync(TestClients.Plain(broker.Rig, "qos0"));
        await client.SubscribeAsync(topic, MqttQos.AtMostOnce, CancellationToken.None).WaitAsync(TestClients.Patience);

        await client.PublishAsync(topic, "hello"u8.ToArray(), MqttQos.AtMostOnce).WaitAsync(TestClients.Patience);

        var message = await client.Messages.NextAsync();
        Assert.Equal("hello"u8.ToArray(), message.Payload);
        Assert.Equal(MqttQos.AtMostOnce, message.Qos);
    }

    [Fact]
    public async Task Retained_message_reaches_a_later_subscriber_with_the_retain_flag()
    {
        var topic = TestClients.UniqueTopic("retain");
        await using var publisher = await TestClients.ConnectedAsync(TestClients.Plain(broker.Rig, "pub"));
        await publisher.PublishAsync(topic, new byte[] { 42 }, MqttQos.AtLeastOnce, retain: true).WaitAsync(TestClients.Patience);

        await using var subscriber = await TestClients.ConnectedAsync(TestClients.Plain(broker.Rig, "sub"));
        await subscriber.SubscribeAsync(topic, MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(TestClients.Patience);

        var message = await subscriber.Messages.NextAsync();
        Assert.True(message.Retain);
        Assert.Equal([42], message.Payload);
    }

    [Fact]
    public async Task Wildcard_subscription_receives_matching_topics_only()
    {
        var root = TestClients.UniqueTopic("wild");
        await using var client = await TestClients.ConnectedAsync(TestClients.Plain(broker.Rig, "wild"));
        await client.SubscribeAsync(root + "/+/reading", MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(TestClients.Patience);

        await client.PublishAsync(root + "/host1/other", new byte[] { 1 }, MqttQos.AtLeastOnce).WaitAsync(TestClients.Patience);
        await client.PublishAsync(root + "/host2/reading", new byte[] { 2 }, MqttQos.AtLeastOnce).WaitAsync(TestClients.Patience);

        var message = await client.Messages.NextAsync();
        Assert.Equal(root + "/host2/reading", message.Topic);
        Assert.True(await client.Messages.StaysEmptyAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task Two_clients_in_one_shared_subscription_group_split_the_messages()
    {
        var topic = TestClients.UniqueTopic("shared");
        var filter = $"$share/bridges/{topic}";
        await using var first = await TestClients.ConnectedAsync(TestClients.Plain(broker.Rig, "share1"));
        await using var second = await TestClients.ConnectedAsync(TestClients.Plain(broker.Rig, "share2"));
        await first.SubscribeAsync(filter, MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(TestClients.Patience);
        await second.SubscribeAsync(filter, MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(TestClients.Patience);
        await using var publisher = await TestClients.ConnectedAsync(TestClients.Plain(broker.Rig, "pub"));

        const int count = 40;
        for (var i = 0; i < count; i++)
            await publisher.PublishAsync(topic, BitConverter.GetBytes(i), MqttQos.AtLeastOnce).WaitAsync(TestClients.Patience);

        var seen = new List<int>();
        var perClient = new int[2];
        await TestClients.EventuallyAsync(() =>
        {
            while (first.Messages.TryRead(out var m)) { seen.Add(BitConverter.ToInt32(m.Payload)); perClient[0]++; }
            while (second.Messages.TryRead(out var m)) { seen.Add(BitConverter.ToInt32(m.Payload)); perClient[1]++; }
            return seen.Count >= count;
        }, $"{count} shared messages to arrive");

        Assert.Equal(Enumerable.Range(0, count), seen.Order());          // each message exactly once ...
        Assert.True(perClient[0] > 0 && perClient[1] > 0,                 // ... and both members got some
            $"the group did not split: {perClient[0]} / {perClient[1]}");
    }
}
