using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.Versioning;
using System.Text;
using GeoEdge.Agent.Configuration;
using GeoEdge.Agent.Logging;
using GeoEdge.Agent.Residency;
using static GeoEdge.Agent.Tests.Residency.RawUnixClient;

namespace GeoEdge.Agent.Tests.Residency;

[SupportedOSPlatform("linux")] // the agent and its socket run on Linux
public sealed class WorkloadSocketServerTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly StringWriter _log = new();
    private readonly ResidencyStore _store;

    public WorkloadSocketServerTests() => _store = new ResidencyStore(_dir.Path, "edge-test", new AgentLog("test", _log));

    private string SocketPath => Path.Combine(_dir.Path, "run", "agent.sock");

    private WorkloadSocketServer Start(int maxConnections = 4, double readTimeoutSeconds = 1) =>
        WorkloadSocketServer.Start(new WorkloadSocketConfig { Path = SocketPath, MaxConnections = maxConnections, ReadTimeoutSeconds = readTimeoutSeconds },
            new ResidencyHandler(_store), new AgentLog("socket", _log));

    private const string Get = "GET /v1/residency HTTP/1.1\r\nHost: localhost\r\n\r\n";

    [Fact]
    public async Task The_socket_is_made_in_a_new_0755_directory_with_mode_0660_and_removed_at_shutdown()
    {
        await using (Start())
        {
            Assert.Equal(SocketFile.FileKind.Socket, SocketFile.TypeOf(SocketPath));
            Assert.Equal(SocketFile.SocketMode, File.GetUnixFileMode(SocketPath));
            Assert.Equal(SocketFile.DirectoryMode, File.GetUnixFileMode(Path.GetDirectoryName(SocketPath)!));
        }
        Assert.Equal(SocketFile.FileKind.Missing, SocketFile.TypeOf(SocketPath));
    }

    [Fact]
    public async Task A_stale_socket_from_a_killed_run_is_replaced()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(SocketPath)!);
        // Another process binds and exits without unlinking, as a SIGKILLed agent does (.NET's own Socket
        // would unlink its file on dispose).
        using (var binder = Process.Start("python3", ["-c", "import socket,sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])", SocketPath]))
            await binder.WaitForExitAsync();
        Assert.Equal(SocketFile.FileKind.Socket, SocketFile.TypeOf(SocketPath));

        await using var server = Start();

        Assert.Equal(503, Status(await ExchangeAsync(SocketPath, Get)));
    }

    [Fact]
    public void A_regular_file_at_the_path_is_a_config_error_and_is_left_alone()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(SocketPath)!);
        File.WriteAllText(SocketPath, "not a socket");

        var e = Assert.Throws<ConfigException>(() => Start());

        Assert.Contains("not a socket", e.Message, StringComparison.Ordinal);
        Assert.Equal("not a socket", File.ReadAllText(SocketPath));
    }

    [Fact]
    public async Task Until_a_result_is_countersigned_residency_is_503_with_a_reason_then_the_proof()
    {
        await using var server = Start();

        var before = await ExchangeAsync(SocketPath, Get);
        Assert.Equal(503, Status(before));
        Assert.Contains("\"error\":\"no-residency-yet\"", Body(before), StringComparison.Ordinal);
        Assert.Contains("\"residencyAvailable\":false", Body(await ExchangeAsync(SocketPath, "GET /v1/health HTTP/1.1\r\n\r\n")), StringComparison.Ordinal);

        _store.Replace(SampleProof.For(5));
        var after = await ExchangeAsync(SocketPath, Get);

        Assert.Equal(200, Status(after));
        var proof = Wire.WireJson.Decode<Wire.Messages.ResidencyProof>(Encoding.ASCII.GetBytes(Body(after)));
        Assert.Equal(SampleProof.For(5).Ear, proof.Ear);
        Assert.Contains("Connection: close\r\n", after, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET /v1/other HTTP/1.1\r\n\r\n", 404, null)]
    [InlineData("GET /v1/residency/ HTTP/1.1\r\n\r\n", 404, null)]
    [InlineData("POST /v1/residency HTTP/1.1\r\nContent-Length: 0\r\n\r\n", 405, "Allow: GET\r\n")]
    [InlineData("DELETE /v1/health HTTP/1.1\r\n\r\n", 405, "Allow: GET\r\n")]
    [InlineData("GET /v1/residency HTTP/1.1\r\nHost : x\r\n\r\n", 400, "\"error\":\"bad-request\"")]
    [InlineData("\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u0001\u00fc\u0003\u0003\r\n\r\n", 400, null)] // a TLS ClientHello
    public async Task Wrong_paths_methods_and_malformed_requests_get_short_json_errors(string request, int status, string? contains)
    {
        await using var server = Start();

        var response = await ExchangeAsync(SocketPath, request);

        Assert.Equal(status, Status(response));
        Assert.StartsWith("{\"error\":", Body(response), StringComparison.Ordinal);
        if (contains is not null) Assert.Contains(contains, response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_oversize_request_head_is_431_without_reading_past_the_bound()
    {
        await using var server = Start();
        using var client = await ConnectAsync(SocketPath);

        var head = "GET /v1/residency HTTP/1.1\r\nX-Pad: " + new string('a', HttpRequestReader.MaxHeadBytes) + "\r\n\r\n";
        try { await client.SendAsync(Encoding.ASCII.GetBytes(head)); }
        catch (SocketException) { } // the server may close before taking it all
        var response = await ReadToEndAsync(client);

        Assert.Equal(431, Status(response));
    }

    [Fact]
    public async Task A_slowloris_client_is_cut_off_at_the_read_timeout_and_others_are_still_served()
    {
        await using var server = Start(readTimeoutSeconds: 1);
        using var slow = await ConnectAsync(SocketPath);
        var clock = Stopwatch.StartNew();

        // One byte every 200 ms: each read succeeds, only the total deadline stops it.
        var trickle = Task.Run(async () =>
        {
            try
            {
                foreach (var b in Encoding.ASCII.GetBytes("GET /v1/residency HTTP/1.1\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaa"))
                {
                    await slow.SendAsync(new[] { b });
                    await Task.Delay(200);
                }
            }
            catch (SocketException) { }
        });
        Assert.Equal(503, Status(await ExchangeAsync(SocketPath, Get))); // served meanwhile
        var response = await ReadToEndAsync(slow);
        clock.Stop();

        Assert.Equal(408, Status(response));
        Assert.InRange(clock.Elapsed.TotalSeconds, 0.9, 5);
        await trickle;
    }

    [Fact]
    public async Task A_client_that_connects_and_sends_nothing_is_cut_off_too()
    {
        await using var server = Start(readTimeoutSeconds: 0.5);
        using var idle = await ConnectAsync(SocketPath);

        Assert.Equal(408, Status(await ReadToEndAsync(idle)));
    }

    [Fact]
    public async Task Beyond_the_connection_limit_a_client_gets_503_busy_at_once()
    {
        await using var server = Start(maxConnections: 2, readTimeoutSeconds: 5);
        using var first = await ConnectAsync(SocketPath);
        using var second = await ConnectAsync(SocketPath);
        await WaitUntilAsync(() => server.OpenConnections == 2);

        var third = await ExchangeAsync(SocketPath, Get);

        Assert.Equal(503, Status(third));
        Assert.Contains("\"error\":\"busy\"", third, StringComparison.Ordinal);
        first.Dispose();
        await WaitUntilAsync(() => server.OpenConnections < 2);
        Assert.Contains("no-residency-yet", await ExchangeAsync(SocketPath, Get), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_request_is_logged_with_the_peers_pid_and_uid()
    {
        await using var server = Start();

        await ExchangeAsync(SocketPath, Get);

        Assert.Contains($"pid {Environment.ProcessId} uid {CurrentUid()} ", _log.ToString(), StringComparison.Ordinal);
        Assert.Contains("GET /v1/residency -> 503", _log.ToString(), StringComparison.Ordinal);
    }

    private static string CurrentUid() =>
        File.ReadLines("/proc/self/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t', StringSplitOptions.RemoveEmptyEntries)[1];

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("condition not reached in 10 s");
            await Task.Delay(20);
        }
    }

    public void Dispose() => _dir.Dispose();
}
