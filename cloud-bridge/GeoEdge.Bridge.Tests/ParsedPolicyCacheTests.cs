using GeoEdge.Bridge.Geofencing;
using GeoEdge.Bridge.Store;
using GeoEdge.Hil.Rig.Scenarios;
using GeoEdge.Wire.Readings;

namespace GeoEdge.Bridge.Tests;

/// <summary>Parsed policies are reused per stored version, a new version is parsed on the next reading, and the cache stays bounded.</summary>
public sealed class ParsedPolicyCacheTests : IDisposable
{
    private const string Host = "edge-01";
    private const string Madrid = """{"type":"circle","center":{"lat":40.416775,"lon":-3.703790},"radiusMeters":5000}""";
    private const string Lyon = """{"type":"circle","center":{"lat":45.764043,"lon":4.835659},"radiusMeters":5000}""";

    private readonly TempStore _temp = new();
    private ulong _seq;

    public ParsedPolicyCacheTests() => _temp.Enroll(Host);

    public void Dispose() => _temp.Dispose();

    private LocationAssessment Assess(LocationAssessor assessor) => assessor.AssessAsync(Host, new Reading
    {
        V = Reading.CurrentVersion, HostId = Host, Seq = ++_seq, Time = DateTimeOffset.UtcNow, NonceEpoch = "e",
        Fix = AuthenticatedFixes.At(40.42, -3.70),
    }, CancellationToken.None).GetAwaiter().GetResult();

    private static StoredPolicy Policy(string id, int version, string body, string? group = null) =>
        new(Host, id, version, body, DateTimeOffset.UtcNow) { Group = group };

    private static Func<StoredPolicy, ParsedPolicyCache.Outcome> Counting(List<string> parsed) => p =>
    {
        parsed.Add($"{p.PolicyId}@{p.Version}");
        return new(PolicyDocument.Parse(p.PolicyId, p.Version, p.Body), null);
    };

    [Fact]
    public void A_new_version_takes_effect_on_the_next_reading_of_the_same_assessor()
    {
        var assessor = _temp.Assessor();
        _temp.Store.PutPolicy(Host, "zone", Madrid, DateTimeOffset.UtcNow);
        Assert.Equal(LocationAssessment.Inside, Assess(assessor).Result);
        Assert.Equal(LocationAssessment.Inside, Assess(assessor).Result);

        _temp.Store.PutPolicy(Host, "zone", Lyon, DateTimeOffset.UtcNow);
        var moved = Assess(assessor);

        Assert.Equal(LocationAssessment.Outside, moved.Result);
        Assert.Equal(2, Assert.Single(moved.Policies).Version);
    }

    [Fact]
    public void A_version_is_parsed_once_and_host_and_group_of_the_same_name_are_kept_apart()
    {
        var cache = new ParsedPolicyCache();
        var parsed = new List<string>();

        var first = cache.GetOrParse(Policy("zone", 1, Madrid), Counting(parsed));
        var again = cache.GetOrParse(Policy("zone", 1, Madrid), Counting(parsed));
        // A group named like the host, with a policy of the same id and version, is another policy.
        var group = cache.GetOrParse(Policy("zone", 1, Lyon, group: Host), Counting(parsed));
        var next = cache.GetOrParse(Policy("zone", 2, Lyon), Counting(parsed));

        Assert.Same(first, again);
        Assert.NotSame(first.Parsed!.Fence, group.Parsed!.Fence);
        Assert.Equal(["zone@1", "zone@1", "zone@2"], parsed);
        Assert.Equal(3, cache.Count);
        Assert.Equal(2, next.Parsed!.Version);
    }

    [Fact]
    public void A_changed_body_under_the_same_version_is_parsed_again()
    {
        var cache = new ParsedPolicyCache();
        var parsed = new List<string>();
        cache.GetOrParse(Policy("zone", 1, Madrid), Counting(parsed));

        var swapped = cache.GetOrParse(Policy("zone", 1, Lyon), Counting(parsed));

        Assert.Equal(2, parsed.Count);
        Assert.Equal(45.764043, ((GeoEdge.Geofencing.CircleFence)swapped.Parsed!.Fence).Center.Latitude);
    }

    [Fact]
    public void The_least_recently_used_entries_go_beyond_the_entry_bound()
    {
        var cache = new ParsedPolicyCache(maxEntries: 2);
        var parsed = new List<string>();
        cache.GetOrParse(Policy("a", 1, Madrid), Counting(parsed));
        cache.GetOrParse(Policy("b", 1, Madrid), Counting(parsed));
        cache.GetOrParse(Policy("a", 1, Madrid), Counting(parsed)); // a is now the most recent
        cache.GetOrParse(Policy("c", 1, Madrid), Counting(parsed)); // evicts b

        cache.GetOrParse(Policy("a", 1, Madrid), Counting(parsed));
        cache.GetOrParse(Policy("b", 1, Madrid), Counting(parsed));

        Assert.Equal(["a@1", "b@1", "c@1", "b@1"], parsed);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void Many_policies_cannot_hold_more_than_the_body_bound()
    {
        var cache = new ParsedPolicyCache(maxBodyChars: 3L * Madrid.Length);
        for (var i = 0; i < 1000; i++) cache.GetOrParse(Policy($"p{i}", 1, Madrid), Counting([]));

        Assert.Equal(3, cache.Count);
    }
}
