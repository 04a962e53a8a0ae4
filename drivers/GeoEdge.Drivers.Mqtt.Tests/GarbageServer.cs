using System.Net;
using System.Net.Sockets;

namespace GeoEdge.Drivers.Mqtt.Tests;

/// <summary>Accepts connections on a loopback port and answers each with bytes that start neither a
/// TLS record (content type 0 does not exist) nor an MQTT packet (type 0 is reserved), then closes.
/// It stands in for whatever wrong service answers on the broker's port during an outage.</summary>
internal sealed class GarbageServer : IDisposable
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
