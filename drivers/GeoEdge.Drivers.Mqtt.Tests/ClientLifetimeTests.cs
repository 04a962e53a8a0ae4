using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using GeoEdge.Hil.Rig.Mqtt;
using GeoEdge.Hil.Rig.Processes;

namespace GeoEdge.Drivers.Mqtt.Tests;

public sealed class ClientLifetimeTests(BrokerFixture broker) : IClassFixture<BrokerFixture>
{
    [Fact]
    public async Task Exceptions_in_user_code_do_not_take_down_the_client_or_the_process()
    {
        var topic = TestClients.UniqueTopic("throwing");
        await using var client = MqttClient.Create(TestClients.Plain(broker.Rig, "throwing"));
        var logged = new ConcurrentQueue<MqttLogEntry>();
        client.Log += logged.Enqueue;
        client.Log += _ => throw new InvalidOperationException("a log handler that throws");
        client.ConnectionChanged += _ => throw new InvalidOperationException("a connection handler that throws");
        await client.ConnectAsync(CancellationToken.None).WaitAsync(TestClients.Patience);
        await client.SubscribeAsync(topic, MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(TestClients.Patience);

        // A reader that dies on the first message it sees.
        var faultyReader = Task.Run(async () =>
        {
            await client.Messages.ReadAsync();
            throw new InvalidOperationException("the reader's own bug");
        });
        await client.PublishAsync(topic, new byte[] { 1 }, MqttQos.AtLeastOnce).WaitAsync(TestClients.Patience);
        await Assert.ThrowsAsync<InvalidOperationException>(() => faultyReader.WaitAsync(TestClients.Patience));

        // The client carries on: the next message reaches the next reader.
        await client.PublishAsync(topic, new byte[] { 2 }, MqttQos.AtLeastOnce).WaitAsync(TestClients.Patience);
        Assert.Equal([2], (await client.Messages.NextAsync()).Payload);
        Assert.True(client.IsConnected);
        await TestClients.EventuallyAsync(
            () => logged.Any(e => e.Exception?.Message == "a connection handler that throws"),
            "the throwing ConnectionChanged handler to be reported through Log");
    }

    [Fact]
    public async Task Dispose_while_connected_fails_the_pending_publish_and_completes_Messages()
    {
        using var rig = await MosquittoRig.StartAsync();
        var client = await TestClients.ConnectedAsync(TestClients.Plain(rig, "dispose-connected"));
        var changes = new ConcurrentQueue<bool>();
        client.ConnectionChanged += changes.Enqueue;
        rig.Freeze(); // the connection stays up, but the PUBACK will not come
        var pending = client.PublishAsync(TestClients.UniqueTopic("dispose"), new byte[] { 1 }, MqttQos.AtLeastOnce);
        await Task.Delay(200);
        Assert.True(client.IsConnected);

        var watch = Stopwatch.StartNew();
        await client.DisposeAsync().AsTask().WaitAsync(TestClients.Patience);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"dispose took {watch.Elapsed}");

        await Assert.ThrowsAsync<ObjectDisposedException>(() => pending.WaitAsync(TestClients.Patience));
        Assert.False(await client.Messages.WaitToReadAsync().AsTask().WaitAsync(TestClients.Patience));
        Assert.False(client.IsConnected);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.PublishAsync("a/b", new byte[] { 1 }, MqttQos.AtLeastOnce));
        await client.DisposeAsync(); // a second dispose is harmless
        Assert.Equal([false], changes.ToArray());
        rig.Thaw();
    }

    [Fact]
    public async Task Dispose_while_disconnected_and_reconnecting_is_prompt()
    {
        using var rig = await MosquittoRig.StartAsync();
        var client = await TestClients.ConnectedAsync(TestClients.Plain(rig, "dispose-offline") with { ReconnectDelayMax = TimeSpan.FromSeconds(2) });
        rig.Stop();
        await TestClients.EventuallyAsync(() => !client.IsConnected, "the client to notice the broker is gone");
        var pending = client.PublishAsync(TestClients.UniqueTopic("dispose"), new byte[] { 1 }, MqttQos.AtLeastOnce);

        var watch = Stopwatch.StartNew();
        await client.DisposeAsync().AsTask().WaitAsync(TestClients.Patience);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"dispose took {watch.Elapsed}");
        await Assert.ThrowsAsync<ObjectDisposedException>(() => pending.WaitAsync(TestClients.Patience));
    }

    [Fact]
    public async Task Publishes_racing_DisposeAsync_all_end_none_hangs()
    {
        var client = await TestClients.ConnectedAsync(TestClients.Plain(broker.Rig, "race"));
        var topic = TestClients.UniqueTopic("race");
        var publishing = Task.Run(async () =>
        {
            var started = new List<Task>();
            for (var i = 0; i < 500; i++)
            {
                started.Add(client.PublishAsync(topic, BitConverter.GetBytes(i), MqttQos.AtLeastOnce));
                if (i % 50 == 0) await Task.Yield();
            }
            return started;
        });
        await Task.Delay(5);
        await client.DisposeAsync().AsTask().WaitAsync(TestClients.Patience);
        var publishes = await publishing.WaitAsync(TestClients.Patience);

        await Task.WhenAll(publishes.Select(p => p.ContinueWith(_ => { }, TaskScheduler.Default))).WaitAsync(TestClients.Patience);
        foreach (var publish in publishes.Where(p => p.IsFaulted))
            Assert.True(publish.Exception!.InnerException is ObjectDisposedException or MqttException,
                $"unexpected failure: {publish.Exception.InnerException}");
    }

    [Fact]
    public async Task Dispose_of_a_client_that_never_connected_is_clean()
    {
        var client = MqttClient.Create(TestClients.Plain(broker.Rig, "never"));
        await client.DisposeAsync().AsTask().WaitAsync(TestClients.Patience);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.ConnectAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Disconnect_then_connect_again_works_and_keeps_subscriptions()
    {
        var topic = TestClients.UniqueTopic("reconnect");
        await using var client = await TestClients.ConnectedAsync(TestClients.Plain(broker.Rig, "again"));
        await client.SubscribeAsync(topic, MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(TestClients.Patience);

        await client.DisconnectAsync().WaitAsync(TestClients.Patience);
        Assert.False(client.IsConnected);
        await client.ConnectAsync(CancellationToken.None).WaitAsync(TestClients.Patience);

        await client.PublishAsync(topic, new byte[] { 9 }, MqttQos.AtLeastOnce).WaitAsync(TestClients.Patience);
        Assert.Equal([9], (await client.Messages.NextAsync()).Payload);
    }

    [Fact]
    public async Task Connect_to_a_port_nobody_listens_on_fails_fast_with_MqttException()
    {
        var options = TestClients.Plain(broker.Rig, "nobody") with { Port = FreePort.Next() };
        await using var client = MqttClient.Create(options);

        var error = await Assert.ThrowsAsync<MqttException>(() => client.ConnectAsync(CancellationToken.None).WaitAsync(TestClients.Patience));
        Assert.Contains("refused", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Connect_to_a_server_that_never_answers_honours_cancellation_and_disposes_cleanly()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start(); // accepts (in the kernel backlog) and never says a word
        var options = TestClients.Plain(broker.Rig, "silent") with { Port = ((IPEndPoint)silent.LocalEndpoint).Port };
        await using var client = MqttClient.Create(options);

        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ConnectAsync(cts.Token).WaitAsync(TestClients.Patience));
        Assert.False(client.IsConnected);
    }

    [Fact]
    public async Task Connect_twice_without_disconnect_is_a_usage_error()
    {
        await using var client = await TestClients.ConnectedAsync(TestClients.Plain(broker.Rig, "twice"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.ConnectAsync(CancellationToken.None));
        Assert.True(client.IsConnected);
    }
}
