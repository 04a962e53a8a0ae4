using System.Net;
using System.Net.Sockets;

namespace GeoEdge.Hil.Rig.Processes;

/// <summary>Finds free TCP ports on the loopback interface. The rig never binds anything else.</summary>
public static class FreePort
{
    /// <summary>
    /// Asks the kernel for an unused loopback port. There is a window between this call and the
    /// process binding it; callers that start a server retry on "address in use".
    /// </summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Two consecutive free ports (swtpm wants its control port next to the server port).</summary>
    public static int NextPair()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var port = Next();
            if (port < 65535 && IsFree(port + 1)) return port;
        }
        throw new InvalidOperationException("no two consecutive free loopback ports found after 50 attempts");
    }

    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Waits until something accepts TCP connections on the loopback port.</summary>
    public static async Task WaitListeningAsync(int port, TimeSpan timeout, Func<bool>? stillAlive = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (stillAlive is not null && !stillAlive())
                throw new RigException($"the process meant to listen on 127.0.0.1:{port} exited before it did");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        throw new RigException($"nothing listened on 127.0.0.1:{port} within {timeout.TotalSeconds:0.#} s");
    }
}
