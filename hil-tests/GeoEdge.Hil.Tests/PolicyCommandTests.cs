using System.Text.Json;
using GeoEdge.Hil.Rig.Composition;
using GeoEdge.Hil.Rig.Processes;
using Xunit.Abstractions;

namespace GeoEdge.Hil.Tests;

/// <summary>
/// `geoedge policy` as an operator runs it, against the rig's real bridge (started with no policy of its own):
/// host and group policies, membership and its history, group deletion, and every refusal with its exit code.
/// </summary>
public sealed class PolicyCommandTests(ITestOutputHelper output) : IDisposable
{
    private const string Madrid = """{"type":"circle","center":{"lat":40.416775,"lon":-3.70379},"radiusMeters":5000}""";
    private const string Iberia = """{"type":"rectangle","south":36,"west":-9.5,"north":43.8,"east":3.3,"disclosure":"approximate"}""";
    private static readonly RigOptions Empty = new() { PolicyJson = null, JurisdictionPolicyJson = null };

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("geoedge-policy-cli-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string File(string name, string text)
    {
        var path = Path.Combine(_dir.FullName, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    private static Func<string[], Task<CliRun>> Cli(GeoEdgeRig rig) => args => GeoEdgeCli.RunAsync("policy", [.. args, "--bridge", rig.Bridge.BaseUrl]);

    private static void AssertDone(CliRun run) => Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stderr}");

    private static void AssertRefused(CliRun run, int exitCode, params string[] named)
    {
        Assert.Equal(exitCode, run.ExitCode);
        Assert.Equal("", run.Stdout);
        foreach (var text in named) Assert.Contains(text, run.Stderr);
    }

    private static IEnumerable<int> Versions(CliRun run) => run.Json.EnumerateArray().Select(v => v.GetProperty("version").GetInt32());

    [Fact]
    public async Task Host_and_group_policies_are_put_shown_listed_versioned_and_deleted()
    {
        await using var rig = await RigFixture.StartAsync(output, Empty);
        var policy = Cli(rig);

        var first = await policy(["put", "--host", "edge-07", "madrid", File("madrid.json", Madrid)]);
        AssertDone(first);
        Assert.Equal(("edge-07", "madrid", 1), (first.Json.GetProperty("hostId").GetString(), first.Json.GetProperty("policyId").GetString(), first.Json.GetProperty("version").GetInt32()));
        Assert.Equal(2, (await policy(["put", "--host", "edge-07", "madrid", File("iberia.json", Iberia)])).Json.GetProperty("version").GetInt32());

        var latest = await policy(["show", "--host", "edge-07", "madrid"]);
        Assert.Equal(2, latest.Json.GetProperty("version").GetInt32());
        Assert.Contains("rectangle", latest.Json.GetProperty("body").GetString());
        Assert.Contains("circle", (await policy(["show", "--host", "edge-07", "madrid", "--version", "1"])).Json.GetProperty("body").GetString());
        AssertRefused(await policy(["show", "--host", "edge-07", "madrid", "--version", "9"]), 1, "'madrid' has no version 9 (it has 2)");

        // A group policy: put creates the group, assign makes the host a member, list --host shows both.
        var group = await policy(["put", "--group", "eu", "spain", File("spain.json", Iberia)]);
        AssertDone(group);
        Assert.Equal(("eu", 1), (group.Json.GetProperty("groupId").GetString(), group.Json.GetProperty("version").GetInt32()));
        var assigned = await policy(["assign", "eu", "edge-07"]);
        Assert.Equal(["edge-07"], assigned.Json.GetProperty("hosts").EnumerateArray().Select(h => h.GetString()));
        var effective = await policy(["list", "--host", "edge-07"]);
        Assert.Equal([("madrid", null), ("spain", "eu")], effective.Json.EnumerateArray()
            .Select(p => (p.GetProperty("policyId").GetString(), p.TryGetProperty("group", out var g) ? g.GetString() : null)));
        Assert.Equal(["spain"], (await policy(["list", "--group", "eu"])).Json.EnumerateArray().Select(p => p.GetProperty("policyId").GetString()));
        var groups = (await policy(["groups"])).Json;
        Assert.Equal(("eu", "edge-07"), (Assert.Single(groups.EnumerateArray()).GetProperty("groupId").GetString(), groups[0].GetProperty("hosts")[0].GetString()));

        Assert.Equal([1, 2], Versions(await policy(["versions", "--host", "edge-07", "madrid"])));
        var retired = await policy(["delete", "--host", "edge-07", "madrid"]);
        Assert.Equal((3, true), (retired.Json.GetProperty("version").GetInt32(), retired.Json.GetProperty("retired").GetBoolean()));
        AssertRefused(await policy(["delete", "--host", "edge-07", "madrid"]), 1, "(404)", "host 'edge-07' has no live policy 'madrid'");
        Assert.Equal([1, 2, 3], Versions(await policy(["versions", "--host", "edge-07", "madrid"])));
        Assert.Equal(["spain"], (await policy(["list", "--host", "edge-07"])).Json.EnumerateArray().Select(p => p.GetProperty("policyId").GetString()));

        Assert.True((await policy(["delete", "--group", "eu", "spain"])).Json.GetProperty("retired").GetBoolean());
        Assert.Equal([1, 2], Versions(await policy(["versions", "--group", "eu", "spain"])));
        AssertDone(await policy(["unassign", "eu", "edge-07"]));
        AssertRefused(await policy(["unassign", "eu", "edge-07"]), 1, "(404)", "host 'edge-07' is not a member of group 'eu'");
        Assert.Equal(0, (await policy(["list", "--host", "edge-07"])).Json.GetArrayLength());
    }

    [Fact]
    public async Task Each_refusal_exits_with_its_code_and_says_why()
    {
        await using var rig = await RigFixture.StartAsync(output, Empty);
        var policy = Cli(rig);

        AssertRefused(await policy(["put", "--host", "edge-07", "p", File("bad.json", "not json")]), 1, "(400)", "policy 'p': not JSON");
        AssertRefused(await policy(["put", "--host", "edge-07", "p", File("square.json", """{"type":"square","side":5000}""")]), 1,
            "(400)", "type: policy 'p': must be ", "jurisdiction");
        AssertRefused(await policy(["versions", "--host", "edge-07", "p"]), 1, "(404)", "host 'edge-07' has no policy 'p'");
        AssertRefused(await policy(["put", "--host", "bad host", "p", File("ok.json", Madrid)]), 1, "(400)", "host id 'bad host' is not valid");
        AssertRefused(await policy(["versions", "--host", "edge-99", "madrid"]), 1, "(404)", "host 'edge-99' has no policy 'madrid'");
        AssertRefused(await policy(["list", "--group", "nowhere"]), 1, "(404)", "group 'nowhere' does not exist (PUT /v1/groups/nowhere creates it)");
        AssertRefused(await policy(["membership", "nowhere"]), 1, "(404)", "group 'nowhere' does not exist");
        AssertRefused(await policy(["delete-group", "nowhere"]), 1, "(404)", "group 'nowhere' does not exist");

        AssertRefused(await policy(["put", "--host", "edge-07", "p", Path.Combine(_dir.FullName, "absent.json")]), 2, "cannot read");
        AssertRefused(await policy(["show", "madrid"]), 2, "policy show needs --host HOST or --group GROUP");
        AssertRefused(await policy(["frobnicate"]), 2, "an action is required");
        AssertRefused(await policy(["delete-group"]), 2, "policy delete-group takes GROUP, got 0 operand(s)");
        var unreachable = await GeoEdgeCli.RunAsync("policy", "list", "--host", "edge-07", "--bridge", $"http://127.0.0.1:{FreePort.Next()}");
        AssertRefused(unreachable, 2, "did not answer usably");

        // Nothing refused was stored.
        Assert.Equal(0, (await policy(["list", "--host", "edge-07"])).Json.GetArrayLength());
        Assert.Equal(0, (await policy(["groups"])).Json.GetArrayLength());
    }

    [Fact]
    public async Task A_group_is_deleted_only_once_empty_and_its_membership_history_counts_every_change()
    {
        await using var rig = await RigFixture.StartAsync(output, Empty);
        var policy = Cli(rig);
        AssertDone(await policy(["put", "--group", "eu", "spain", File("spain.json", Iberia)]));
        AssertDone(await policy(["assign", "eu", "edge-01"]));
        AssertDone(await policy(["assign", "eu", "edge-02"]));
        AssertDone(await policy(["assign", "eu", "edge-02"])); // already a member: no change recorded
        AssertDone(await policy(["unassign", "eu", "edge-01"]));

        var history = await policy(["membership", "eu"]);
        AssertDone(history);
        Assert.Equal(3, history.Json.GetProperty("membershipVersion").GetInt32());
        Assert.Equal([(1, "edge-01", "added"), (2, "edge-02", "added"), (3, "edge-01", "removed")], Changes(history.Json));
        var later = (await policy(["membership", "eu", "--after", "2"])).Json;
        Assert.Equal(3, later.GetProperty("membershipVersion").GetInt32());
        Assert.Equal([(3, "edge-01", "removed")], Changes(later));
        AssertRefused(await policy(["membership", "eu", "--after", "-1"]), 2, "--after must be a membership version (0 or more), got '-1'");

        AssertRefused(await policy(["delete-group", "eu"]), 1, "(409)",
            "group 'eu' still has members edge-02 and live policies spain: remove its hosts and delete its policies before deleting it");
        AssertDone(await policy(["unassign", "eu", "edge-02"]));
        AssertRefused(await policy(["delete-group", "eu"]), 1, "(409)", "group 'eu' still has live policies spain:");
        Assert.Equal(["spain"], (await policy(["list", "--group", "eu"])).Json.EnumerateArray().Select(p => p.GetProperty("policyId").GetString()));
        AssertDone(await policy(["delete", "--group", "eu", "spain"]));

        var deleted = await policy(["delete-group", "eu"]);
        AssertDone(deleted);
        Assert.Equal("eu", deleted.Json.GetProperty("groupId").GetString());
        Assert.Equal(0, (await policy(["groups"])).Json.GetArrayLength());
        AssertRefused(await policy(["delete-group", "eu"]), 1, "(404)");
        AssertRefused(await policy(["list", "--group", "eu"]), 1, "(404)", "group 'eu' does not exist");

        // The deleted group's history and policy versions stay readable; creating it again continues both.
        var after = (await policy(["membership", "eu"])).Json;
        Assert.Equal((4, deleted.Json.GetProperty("deletedAt").GetDateTimeOffset()), (after.GetProperty("membershipVersion").GetInt32(), after.GetProperty("deletedAt").GetDateTimeOffset()));
        Assert.Equal([1, 2], Versions(await policy(["versions", "--group", "eu", "spain"])));
        AssertDone(await policy(["assign", "eu", "edge-03"]));
        var again = (await policy(["membership", "eu"])).Json;
        Assert.Equal((5, "edge-03", false), (again.GetProperty("membershipVersion").GetInt32(), Changes(again).Last().Item2, again.TryGetProperty("deletedAt", out _)));
    }

    private static List<(int, string?, string?)> Changes(JsonElement history) =>
        [.. history.GetProperty("changes").EnumerateArray().Select(c => (c.GetProperty("version").GetInt32(), c.GetProperty("hostId").GetString(), c.GetProperty("change").GetString()))];
}
