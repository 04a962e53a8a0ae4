using System.Net.Sockets;
using GeoEdge.Wire;
using GeoEdge.Wire.Messages;

namespace GeoEdge.Hil.Tests;

/// <summary>What a workload on the host does: HTTP over the agent's Unix socket with an ordinary HttpClient.</summary>
public sealed class WorkloadSocketClient(string socketPath) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        ConnectCallback = async (_, ct) =>
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    {
        BaseAddress = new Uri("http://localhost"),
        Timeout = TimeSpan.FromSeconds(10),
    };

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(path);

    /// <summary>GET /v1/residency until it answers 200 with a proof for at least <paramref name="minSeq"/>.</summary>
    public async Task<ResidencyProof> ResidencyAsync(ulong minSeq, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        var last = "nothing";
        while (DateTimeOffset.UtcNow < deadline)
        {
            try
            {
                using var response = await _http.GetAsync("/v1/residency");
                var body = await response.Content.ReadAsByteArrayAsync();
                last = $"{(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}";
                if (response.IsSuccessStatusCode && WireJson.Decode<ResidencyProof>(body) is { } proof && proof.Seq >= minSeq) return proof;
            }
            catch (HttpRequestException e)
            {
                last = e.Message; // the agent has not bound its socket yet
            }
            await Task.Delay(200);
        }
        throw new Xunit.Sdk.XunitException($"no residency proof for reading {minSeq} or later within {timeout.TotalSeconds} s; last answer: {last}");
    }

    public void Dispose() => _http.Dispose();
}
