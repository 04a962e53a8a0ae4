using System.Collections.Concurrent;
using GeoEdge.Hil.Rig.Mqtt;

namespace GeoEdge.Drivers.Mqtt.Tests;

/// <summary>
/// libmosquitto's network thread ends for good after a protocol or TLS error (it only retries
/// network errors). Here the broker's port is briefly taken over by something that answers CONNECT
/// with garbage, the way a misconfigured load balancer or a wrong service would: the client must
/// still come back once the real broker returns.
/// </summary>
public sealed class FatalErrorRecoveryTests
{
    [Fact]
    public async Task Client_survives_a_protocol_error_during_reconnect_and_comes_back()
    {
        using var rig = await MosquittoRig.StartAsync();
        var topic = TestClients.UniqueTopic("fatal");
        await using var client = await TestClients.ConnectedAsync(TestClients.Plain(rig, "fatal"));
        var logged = new ConcurrentQueue<MqttLogEntry>();
        client.Log += logged.Enqueue;
        await client.SubscribeAsync(topic, MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(TestClients.Patience);

        rig.Stop();
        await TestClients.EventuallyAsync(() => !client.IsConnected, "the client to notice the broker is gone");
        using (var impostor = new GarbageServer(rig.PlainPort))
        {
            await TestClients.EventuallyAsync(() => impostor.Answered >= 2,
                "the client to reconnect to the impostor twice (the second time on a revived network thread)");
        }
        await rig.StartAgainAsync();
        await TestClients.EventuallyAsync(() => client.IsConnected, "the client to reach the real broker again");

        await client.PublishAsync(topic, new byte[] { 5 }, MqttQos.AtLeastOnce).WaitAsync(TestClients.Patience);
        Assert.Equal([5], (await client.Messages.NextAsync()).Payload);
        Assert.Contains(logged, e => e.Message.Contains("started a new libmosquitto network thread", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tls_client_survives_a_handshake_failure_that_ends_the_network_thread_without_any_callback()
    {
        using var rig = await MosquittoRig.StartAsync();
        var (cert, key) = rig.IssueClientCertificate("agent-silent");
        var topic = TestClients.UniqueTopic("silent");
        await using var client = await TestClients.ConnectedAsync(TestClients.Tls(rig, "silent", cert, key));
        var logged = new ConcurrentQueue<MqttLogEntry>();
        client.Log += logged.Enqueue;
        await client.SubscribeAsync(topic, MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(TestClients.Patience);

        rig.Stop();
        await TestClients.EventuallyAsync(() => !client.IsConnected, "the client to notice the broker is gone");
        using (var impostor = new GarbageServer(rig.TlsPort))
        {
            // Garbage instead of a ServerHello: libmosquitto fails the handshake inside its loop
            // and its network thread returns without on_disconnect.
            await TestClients.EventuallyAsync(() => impostor.Answered >= 1, "the client to try the impostor");
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
        await rig.StartAgainAsync();
        await TestClients.EventuallyAsync(() => client.IsConnected, "the supervisor to bring the client back", TimeSpan.FromSeconds(40));

        await client.PublishAsync(topic, new byte[] { 6 }, MqttQos.AtLeastOnce).WaitAsync(TestClients.Patience);
        Assert.Equal([6], (await client.Messages.NextAsync()).Payload);
        Assert.Contains(logged, e => e.Message.Contains("in case it ended silently", StringComparison.Ordinal));
    }
}
