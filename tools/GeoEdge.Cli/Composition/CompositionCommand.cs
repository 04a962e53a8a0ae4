using System.Net;
using System.Text.Json;

namespace GeoEdge.Cli.Composition;

/// <summary>
/// `geoedge composition`: shows a host's approved composition (modem IMEI, SIM ICCID and IMSI, GNSS
/// receiver) and the one its readings show when that differs; with --approve, makes the pending one
/// the approved one (the bridge refuses if it changed again since it was shown).
/// </summary>
public static class CompositionCommand
{
    public const string Usage = """
        usage: ./geoedge composition HOST [--bridge URL] [--approve]

          HOST        the host id
          --bridge    the bridge's HTTP API (default http://127.0.0.1:8080)
          --approve   approve the composition the host's readings now show (after checking it is the one printed)
        Prints the approved composition and the pending one as JSON.
        Exit status: 0 done, 1 the bridge refused (no such host, nothing pending, changed meanwhile), 2 bad arguments
        or bridge unreachable.
        """;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(string[] args)
    {
        var (host, bridge, approve) = Parse(args);
        using var http = new HttpClient { BaseAddress = bridge, Timeout = Timeout };
        try
        {
            var path = $"v1/hosts/{Uri.EscapeDataString(host)}/composition";
            var shown = await http.GetAsync(path);
            var body = await shown.Content.ReadAsStringAsync();
            if (!shown.IsSuccessStatusCode) return Refused(shown.StatusCode, body);
            Console.WriteLine(body);
            if (!approve) return 0;

            using var current = JsonDocument.Parse(body);
            // The bridge leaves "pending" out (or null) when the host shows its approved composition.
            if (!current.RootElement.TryGetProperty("pending", out var waiting) || waiting.ValueKind == JsonValueKind.Null)
            {
                Console.Error.WriteLine($"geoedge composition: host '{host}' has no composition waiting for approval");
                return 1;
            }
            var pending = waiting.GetProperty("composition").GetRawText();
            var approved = await http.PostAsync($"{path}/approve", new StringContent(pending, System.Text.Encoding.UTF8, "application/json"));
            var answer = await approved.Content.ReadAsStringAsync();
            if (!approved.IsSuccessStatusCode) return Refused(approved.StatusCode, answer);
            Console.Error.WriteLine($"geoedge composition: approved for host '{host}'");
            Console.WriteLine(answer);
            return 0;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            Console.Error.WriteLine($"geoedge composition: the bridge at {bridge} did not answer usably: {e.Message}");
            return 2;
        }
    }

    private static int Refused(HttpStatusCode status, string body)
    {
        Console.Error.WriteLine($"geoedge composition: the bridge refused ({(int)status}): {body}");
        return 1;
    }

    private static (string Host, Uri Bridge, bool Approve) Parse(string[] args)
    {
        string? host = null;
        var bridge = "http://127.0.0.1:8080";
        var approve = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--bridge" when i + 1 < args.Length: bridge = args[++i]; break;
                case "--approve": approve = true; break;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"unknown option {args[i]}\n{Usage}");
                    host = host is null ? args[i] : throw new ArgumentException($"one HOST only, got '{host}' and '{args[i]}'");
                    break;
            }
        }
        if (host is null) throw new ArgumentException($"HOST is required\n{Usage}");
        if (!Uri.TryCreate(bridge.EndsWith('/') ? bridge : bridge + "/", UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new ArgumentException($"--bridge must be an http(s) URL, got '{bridge}'");
        return (host, uri, approve);
    }
}
