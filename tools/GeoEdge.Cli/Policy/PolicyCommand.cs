using System.Net;
using System.Text;
using System.Text.Json;

namespace GeoEdge.Cli.Policy;

/// <summary>
/// `geoedge policy`: a host's or a group's geofence policies through the bridge's HTTP API (docs/bridge.md,
/// "Policies and groups"): list, show, put, delete (a retired version), versions, group membership and its
/// history, and group deletion.
/// </summary>
public static class PolicyCommand
{
    public const string Usage = """
        usage: ./geoedge policy ACTION [--bridge URL] ...

          list     (--host HOST | --group GROUP)          the policies that apply to the host (its own and its groups'),
                                                          or the group's
          show     (--host HOST | --group GROUP) POLICY [--version N]   one version's document (default the latest)
          put      (--host HOST | --group GROUP) POLICY FILE   store FILE as the policy's next version (a group is created if new)
          delete   (--host HOST | --group GROUP) POLICY   retire the policy (a new version marked retired)
          versions (--host HOST | --group GROUP) POLICY   every version, oldest first
          assign   GROUP HOST                             make HOST a member of GROUP (created if new)
          unassign GROUP HOST                             remove HOST from GROUP
          groups                                          every group with its hosts
          membership GROUP [--after N]                    the group's membership history: every host added or removed,
                                                          when, and the membership version each change made (up to
                                                          1000 changes after version N, default 0)
          delete-group GROUP                              delete the group; refused (409) while it has hosts or live policies
          --bridge  the bridge's HTTP API (default http://127.0.0.1:8080)
        FILE is a policy document, e.g. {"type":"jurisdiction","country":"ES","disclosure":"approximate"}.
        Prints the bridge's JSON answer. Exit status: 0 done, 1 the bridge refused (invalid policy, unknown host,
        group or policy), 2 bad arguments, unreadable FILE or bridge unreachable.
        """;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(string[] args)
    {
        var a = PolicyArguments.Parse(args);
        string? document = null;
        if (a.Action == "put")
        {
            try
            {
                // The bridge refuses more than a MiB anyway; reading more would only waste memory.
                var info = new FileInfo(a.Operands[1]);
                if (info.Exists && info.Length > 1 << 20) throw new ArgumentException($"{a.Operands[1]} is larger than 1 MiB");
                document = await File.ReadAllTextAsync(a.Operands[1]);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"geoedge policy: cannot read {a.Operands[1]}: {e.Message}");
                return 2;
            }
        }
        using var http = new HttpClient { BaseAddress = a.Bridge, Timeout = Timeout };
        try
        {
            return await SendAsync(http, a, document);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            Console.Error.WriteLine($"geoedge policy: the bridge at {a.Bridge} did not answer usably: {e.Message}");
            return 2;
        }
    }

    private static async Task<int> SendAsync(HttpClient http, PolicyArguments a, string? document)
    {
        var policy = a.Operands.Count > 0 ? Uri.EscapeDataString(a.Operands[0]) : "";
        switch (a.Action)
        {
            case "list":
                return await PrintAsync(await http.GetAsync(a.Host is not null ? $"{a.OwnerPath}/effective-policies" : $"{a.OwnerPath}/policies"));
            case "versions":
                return await PrintAsync(await http.GetAsync($"{a.OwnerPath}/policies/{policy}/versions"));
            case "show":
                return await ShowAsync(http, a, policy);
            case "put":
                if (a.Group is not null && await EnsureGroupAsync(http, a.Group) is { } refused) return refused;
                return await PrintAsync(await http.PutAsync($"{a.OwnerPath}/policies/{policy}", Json(document!)));
            case "delete":
                return await PrintAsync(await http.DeleteAsync($"{a.OwnerPath}/policies/{policy}"));
            case "assign":
                if (await EnsureGroupAsync(http, a.Operands[0]) is { } notCreated) return notCreated;
                return await PrintAsync(await http.PutAsync(Membership(a), null));
            case "unassign":
                return await PrintAsync(await http.DeleteAsync(Membership(a)));
            case "membership":
                return await PrintAsync(await http.GetAsync($"{Group(a)}/membership?after={a.After ?? 0}"));
            case "delete-group":
                return await PrintAsync(await http.DeleteAsync(Group(a)));
            default:
                return await PrintAsync(await http.GetAsync("v1/groups"));
        }
    }

    private static async Task<int> ShowAsync(HttpClient http, PolicyArguments a, string policy)
    {
        var response = await http.GetAsync($"{a.OwnerPath}/policies/{policy}/versions");
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) return Refused(response.StatusCode, body);
        using var versions = JsonDocument.Parse(body);
        var all = versions.RootElement.EnumerateArray().ToList();
        var chosen = a.Version is { } n ? all.FirstOrDefault(v => v.GetProperty("version").GetInt32() == n) : all.LastOrDefault();
        if (chosen.ValueKind != JsonValueKind.Object)
        {
            Console.Error.WriteLine($"geoedge policy: '{a.Operands[0]}' has no version {a.Version} (it has {all.Count})");
            return 1;
        }
        Console.WriteLine(chosen.GetRawText());
        return 0;
    }

    private static async Task<int?> EnsureGroupAsync(HttpClient http, string group)
    {
        var response = await http.PutAsync($"v1/groups/{Uri.EscapeDataString(group)}", null);
        return response.IsSuccessStatusCode ? null : Refused(response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string Group(PolicyArguments a) => $"v1/groups/{Uri.EscapeDataString(a.Operands[0])}";

    private static string Membership(PolicyArguments a) => $"{Group(a)}/hosts/{Uri.EscapeDataString(a.Operands[1])}";

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static async Task<int> PrintAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) return Refused(response.StatusCode, body);
        Console.WriteLine(body);
        return 0;
    }

    private static int Refused(HttpStatusCode status, string body)
    {
        Console.Error.WriteLine($"geoedge policy: the bridge refused ({(int)status}): {ErrorOf(body)}");
        return 1;
    }

    /// <summary>
    /// The bridge's {"error": "..."} message as text (its JSON escapes quotes and apostrophes, which an operator
    /// should not have to read); any other body as it came, cut to a screenful: it may be anything.
    /// </summary>
    private static string ErrorOf(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.String)
                return error.GetString()!;
        }
        catch (JsonException) { }
        return body.Length <= 2000 ? body : body[..2000] + "...";
    }
}
