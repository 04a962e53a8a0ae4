using System.Net.Sockets;
using System.Text;

namespace GeoEdge.Agent.Tests.Residency;

/// <summary>A client that sends exactly the bytes a test gives, over a real Unix socket, and reads the whole response.</summary>
public static class RawUnixClient
{
    public static async Task<Socket> ConnectAsync(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(path));
        return socket;
    }

    public static async Task<string> ExchangeAsync(string path, string request)
    {
        using var socket = await ConnectAsync(path);
        await socket.SendAsync(Encoding.Latin1.GetBytes(request));
        return await ReadToEndAsync(socket);
    }

    /// <summary>Everything until the server closes (bounded so a test cannot hang on a server that never does).</summary>
    public static async Task<string> ReadToEndAsync(Socket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var received = new MemoryStream();
        var buffer = new byte[4096];
        while (true)
        {
            var n = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            if (n == 0) return Encoding.ASCII.GetString(received.ToArray());
            received.Write(buffer, 0, n);
        }
    }

    public static int Status(string response) => int.Parse(response.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture);

    public static string Body(string response) => response[(response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
}
