using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GeoEdge.Cli.Geolocation;

/// <summary>
/// `geoedge geolocation`: shows a host's geolocation settings (the SIM's phone number the operator's network is
/// asked about, stationary or not, the anchor) and its last usable location; changes the settings given.
/// </summary>
public static class GeolocationCommand
{
    public const string Usage = """
        usage: ./geoedge geolocation HOST [--bridge URL] [--phone +E164 | --no-phone]
                                          [--stationary METERS [--anchor LAT,LON] | --mobile]

          HOST          the host id (settings may be given before it enrolls)
          --bridge      the bridge's HTTP API (default http://127.0.0.1:8080)
          --phone       the MSISDN of the host's SIM, E.164 with '+': the bridge asks the operator's network
                        (CAMARA Device Location Verification) whether that SIM is where the host says it is
          --no-phone    forget the number: no network check for this host
          --stationary  the host must not move: a position farther than METERS from its anchor is
                        stationary-host-moved (contraindicated); the anchor is where it is next located unless
          --anchor      gives it (WGS-84 degrees)
          --mobile      the host may move (only the speed between readings is checked)
        Without options, prints the settings; with them, changes only what is given. Prints JSON.
        Exit status: 0 done, 1 the bridge refused, 2 bad arguments or bridge unreachable.
        """;

    private sealed record Change(JsonNode? Phone, bool PhoneGiven, double? Tolerance, bool Mobile, (double Lat, double Lon)? Anchor);

    public static async Task<int> RunAsync(string[] args)
    {
        var (host, bridge, change) = Parse(args);
        using var http = new HttpClient { BaseAddress = bridge, Timeout = TimeSpan.FromSeconds(10) };
        var path = $"v1/hosts/{Uri.EscapeDataString(host)}/geolocation";
        try
        {
            var shown = await http.GetAsync(path);
            var body = await shown.Content.ReadAsStringAsync();
            if (!shown.IsSuccessStatusCode) return Refused(shown.StatusCode, body);
            if (change is null)
            {
                Console.WriteLine(body);
                return 0;
            }
            var settings = Apply(JsonNode.Parse(body)!.AsObject(), change);
            var put = await http.PutAsync(path, new StringContent(settings.ToJsonString(), Encoding.UTF8, "application/json"));
            var answer = await put.Content.ReadAsStringAsync();
            if (!put.IsSuccessStatusCode) return Refused(put.StatusCode, answer);
            Console.Error.WriteLine($"geoedge geolocation: settings of host '{host}' changed");
            Console.WriteLine(answer);
            return 0;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or InvalidOperationException)
        {
            Console.Error.WriteLine($"geoedge geolocation: the bridge at {bridge} did not answer usably: {e.Message}");
            return 2;
        }
    }

    /// <summary>The current settings with the change applied; the bridge's own lastLocation is not sent back.</summary>
    private static JsonObject Apply(JsonObject current, Change change)
    {
        current.Remove("lastLocation");
        if (change.PhoneGiven) current["phoneNumber"] = change.Phone;
        if (change.Mobile)
        {
            current["stationaryToleranceMeters"] = null;
            current["anchor"] = null;
        }
        if (change.Tolerance is { } tolerance)
        {
            // A new tolerance keeps the anchor unless one is given: the host has not been moved by saying so.
            current["stationaryToleranceMeters"] = tolerance;
        }
        if (change.Anchor is { } anchor) current["anchor"] = new JsonObject { ["latitude"] = anchor.Lat, ["longitude"] = anchor.Lon };
        return current;
    }

    private static int Refused(HttpStatusCode status, string body)
    {
        Console.Error.WriteLine($"geoedge geolocation: the bridge refused ({(int)status}): {body}");
        return 1;
    }

    private static (string Host, Uri Bridge, Change? Change) Parse(string[] args)
    {
        string? host = null, phone = null;
        var bridge = "http://127.0.0.1:8080";
        bool noPhone = false, mobile = false;
        double? tolerance = null;
        (double, double)? anchor = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value\n{Usage}");
            switch (args[i])
            {
                case "--bridge": bridge = Value(); break;
                case "--phone": phone = Value(); break;
                case "--no-phone": noPhone = true; break;
                case "--mobile": mobile = true; break;
                case "--stationary": tolerance = Number(Value(), "--stationary"); break;
                case "--anchor": anchor = Coordinates(Value()); break;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"unknown option {args[i]}\n{Usage}");
                    host = host is null ? args[i] : throw new ArgumentException($"one HOST only, got '{host}' and '{args[i]}'");
                    break;
            }
        }
        if (host is null) throw new ArgumentException($"HOST is required\n{Usage}");
        if (phone is not null && noPhone) throw new ArgumentException("--phone and --no-phone contradict each other");
        if (mobile && (tolerance is not null || anchor is not null)) throw new ArgumentException("--mobile contradicts --stationary and --anchor");
        if (!Uri.TryCreate(bridge.EndsWith('/') ? bridge : bridge + "/", UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new ArgumentException($"--bridge must be an http(s) URL, got '{bridge}'");
        var changes = phone is not null || noPhone || mobile || tolerance is not null || anchor is not null;
        return (host, uri, changes ? new Change(phone is null ? null : JsonValue.Create(phone), phone is not null || noPhone, tolerance, mobile, anchor) : null);
    }

    private static double Number(string text, string option) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value : throw new ArgumentException($"{option} takes a number of meters, got '{text}'");

    private static (double, double) Coordinates(string text)
    {
        var parts = text.Split(',');
        if (parts.Length != 2) throw new ArgumentException($"--anchor takes LAT,LON in degrees, got '{text}'");
        return (Number(parts[0], "--anchor"), Number(parts[1], "--anchor"));
    }
}
