using System.Diagnostics;
using GeoEdge.Hil.Rig.Processes;
using GeoEdge.Hil.Rig.Timestamping;
using GeoEdge.Timestamping;

namespace GeoEdge.Cli.Bench;

/// <summary>
/// RFC 3161 timestamps against the rig TSA (a real `openssl ts -reply` per query on loopback), sequential:
/// each one a full TimestampClient exchange with every check, as the bridge would do per result, then the
/// offline TimestampVerifier on each token. One JSON line. Exit status 1 when a timestamp failed or two tokens share a serial.
/// </summary>
public static class TimestampingBench
{
    public const string Usage = "usage: geoedge-cli bench timestamping [--requests N]";

    public static async Task<int> RunAsync(string[] args)
    {
        var requests = BenchArgs.Option(args, "--requests", 200, Usage);
        using var dir = new RigDirectory("bench-tsa");
        await using var tsa = await RigTsa.StartAsync(dir.Sub("tsa"));
        var cas = new System.Security.Cryptography.X509Certificates.X509Certificate2Collection();
        cas.ImportFromPemFile(tsa.CaCertificatePath);
        using var client = new TimestampClient(new TimestampClientOptions { Url = new Uri(tsa.Url), TrustedCas = cas });

        var data = "eyJhbGciOiJFUzI1NiJ9.a-result-of-typical-size.signature"u8.ToArray();
        await client.TimestampAsync(data); // warm-up: JIT, connection
        var latencies = new double[requests];
        var tokens = new byte[requests][];
        var total = Stopwatch.StartNew();
        for (var i = 0; i < requests; i++)
        {
            var start = Stopwatch.GetTimestamp();
            tokens[i] = (await client.TimestampAsync(data)).Token;
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        total.Stop();
        var verify = Stopwatch.StartNew();
        var serials = tokens.Select(token => TimestampVerifier.Verify(token, data, cas).SerialNumber).ToHashSet();
        verify.Stop();

        Console.WriteLine(BridgeBench.Json(new Dictionary<string, object>
        {
            ["benchmark"] = "timestamping",
            ["requests"] = requests,
            ["seconds"] = Math.Round(total.Elapsed.TotalSeconds, 3),
            ["timestampsPerSecond"] = Math.Round(requests / total.Elapsed.TotalSeconds, 1),
            ["p50Milliseconds"] = Math.Round(Stats.Percentile(latencies, 50), 2),
            ["p99Milliseconds"] = Math.Round(Stats.Percentile(latencies, 99), 2),
            ["tokenBytes"] = tokens[0].Length,
            ["offlineVerificationsPerSecond"] = Math.Round(requests / verify.Elapsed.TotalSeconds),
        }));
        // openssl's serial file must give every token its own serial number.
        return BenchArgs.Check("timestamping", serials.Count == requests, $"{requests - serials.Count} tokens repeated a serial number") ? 0 : 1;
    }
}
