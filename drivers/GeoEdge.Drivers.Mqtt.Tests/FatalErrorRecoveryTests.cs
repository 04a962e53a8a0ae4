using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
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
        Assert.Contains(logged, e => e.Message.Contains("network thread had ended", StringComparison.Ordinal));
    }

    /// <summary>Accepts connections on a loopback port and answers each with bytes no MQTT
    /// packet starts with (packet type 0 is reserved), then closes.</summary>
    private sealed class GarbageServer : IDisposable
    {
        private readonly TcpListener _listener;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _accepting;
        private int _answered;

        public int Answered => Volatile.Read(ref _answered);

        public GarbageServer(int port)
        {
            _listener = new TcpListener(IPAddress.Loopback, port);
            _listener.Start();
            _accepting = Task.Run(AcceptAsync);
        }

        private async Task AcceptAsync()
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    using var socket = await _listener.AcceptSocketAsync(_stop.Token);
                    var buffer = new byte[256];
                    await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token); // the CONNECT
                    await socket.SendAsync(new byte[] { 0x00, 0x02, 0xDE, 0xAD }, SocketFlags.None, _stop.Token);
                    Interlocked.Increment(ref _answered);
                    await Task.Delay(100, _stop.Token);
                }
            }
            catch (OperationCanceledException) { }
            catch (SocketException) { }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            try { _accepting.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
            _stop.Dispose();
        }
    }
}
