using System.Diagnostics;
using System.Text;

namespace GeoEdge.Ima.Tests;

public sealed class RuntimePolicyTests
{
    [Fact]
    public void Keylimes_test_policies_read_with_every_member()
    {
        var inline = RuntimePolicy.Parse(Expected.Bytes("ima/keylime/runtime_policy_test_inline.json"));
        Assert.Equal(6, inline.DigestCount);
        Assert.Equal("sha1", inline.LogHashAlgorithm);
        Assert.Empty(inline.Excludes);
        Assert.Null(inline.VerificationKeys);
        Assert.False(inline.HasDeviceMapperPolicy);

        var converted = RuntimePolicy.Parse(Expected.Bytes("ima/keylime/runtime-policy-test.json"));
        Assert.Equal(21, converted.PathCount);
        var withPrefix = RuntimePolicy.Parse(Expected.Bytes("ima/keylime/policy-sha256"));
        Assert.Equal(1, withPrefix.DigestCount);
    }

    [Fact]
    public void An_algorithm_prefixed_digest_matches_only_a_digest_of_that_algorithm()
    {
        var policy = RuntimePolicy.Parse(Expected.Bytes("ima/keylime/runtime-policy-test.json"));
        var value = Convert.FromHexString("4309217e9709def327c3409407f4d52907aeba46ef1b4f46529fd095f2ef9fb2");
        var appraiser = new ImaAppraiser(policy);
        Assert.Equal(ImaFindingCodes.Ok, appraiser.Appraise(ImaEntry.Build(0, "ima-ng", new ImaDigest("sha256", value), "boot_aggregate")).Code);
        Assert.Equal(ImaFindingCodes.DigestNotInPolicy, appraiser.Appraise(ImaEntry.Build(0, "ima-ng", new ImaDigest("sm3", value), "boot_aggregate")).Code);
    }

    [Fact]
    public void A_legacy_allowlist_reads_as_digests_by_path()
    {
        var policy = RuntimePolicy.FromAllowlist(Expected.Text("ima/keylime/allowlist-sha256"));
        Assert.Equal(1, policy.DigestCount);
        var digest = new ImaDigest("sha256", Convert.FromHexString("96d7fae8adb7286a419a88f78c13d35fb782d63df654b7db56f154765698b754"));
        var appraiser = new ImaAppraiser(policy);
        Assert.Equal(ImaFindingCodes.Ok, appraiser.Appraise(ImaEntry.Build(0, "ima-ng", digest, "data")).Code);
        // The list records "/data": an allowlist's paths are not normalised, as in Keylime.
        Assert.Equal(ImaFindingCodes.PathNotInPolicy, appraiser.Appraise(Expected.Entries("ima/keylime/ima-log-sha256")[1]).Code);
        var spaced = RuntimePolicy.FromAllowlist("# comment\n\n" + digest.ToString()[7..] + "  /opt/my app\n", ["/tmp/.*"]);
        Assert.Equal(ImaFindingCodes.Ok, new ImaAppraiser(spaced).Appraise(ImaEntry.Build(0, "ima-ng", digest, "/opt/my_app")).Code);
        Assert.Equal(ImaFindingCodes.Excluded, new ImaAppraiser(spaced).Appraise(ImaEntry.Build(0, "ima-ng", digest, "/tmp/x")).Code);
        var e = Assert.Throws<RuntimePolicyException>(() => RuntimePolicy.FromAllowlist("abc /x\nzz /y\n"));
        Assert.Equal("line 1", e.Member);
        e = Assert.Throws<RuntimePolicyException>(() => RuntimePolicy.FromAllowlist(digest.ToString()[7..] + "\n"));
        Assert.Equal("line 1", e.Member);
    }

    [Theory]
    [InlineData("{", "(document)", "not valid JSON")]
    [InlineData("[]", "(document)", "is array, expected object")]
    [InlineData("{\"meta\":{\"version\":1}} {}", "(document)", "not valid JSON")]
    [InlineData("{}", "meta", "is missing")]
    [InlineData("{\"meta\":{\"version\":2}}", "meta.version", "only version 1")]
    [InlineData("{\"meta\":{\"version\":1},\"digests\":[]}", "digests", "is array, expected object")]
    [InlineData("{\"meta\":{\"version\":1},\"digests\":{\"/x\":\"ab\"}}", "digests[\"/x\"]", "is string, expected array")]
    [InlineData("{\"meta\":{\"version\":1},\"digests\":{\"/x\":[\"nothex\"]}}", "digests[\"/x\"][0]", "is not a hex digest")]
    [InlineData("{\"meta\":{\"version\":1},\"digests\":{\"/x\":[\"sha256:00112233445566778899aabbccddeeff00112233\"]}}", "digests[\"/x\"][0]", "a sha256 digest is 32 bytes, got 20")]
    [InlineData("{\"meta\":{\"version\":1},\"excludes\":[\"ok.*\",\"([\"]}", "excludes[1]", "not a valid regular expression")]
    [InlineData("{\"meta\":{\"version\":1},\"keyrings\":{\".ima\":[1]}}", "keyrings[\".ima\"][0]", "is number, expected string")]
    [InlineData("{\"meta\":{\"version\":1},\"ima\":{\"log_hash_alg\":\"md5\"}}", "ima.log_hash_alg", "expected sha1")]
    [InlineData("{\"meta\":{\"version\":1},\"ima\":{\"ignored_keyrings\":\".ima\"}}", "ima.ignored_keyrings", "expected array")]
    [InlineData("{\"meta\":{\"version\":1},\"verification-keys\":\"{not json\"}", "verification-keys", "not valid JSON")]
    [InlineData("{\"meta\":{\"version\":1},\"verification-keys\":\"{\\\"pubkeys\\\":[\\\"AAAA\\\"]}\"}", "verification-keys", "pubkeys[0] is not an RSA or EC public key")]
    public void A_bad_policy_is_refused_naming_the_member(string json, string member, string problem)
    {
        var e = Assert.Throws<RuntimePolicyException>(() => RuntimePolicy.Parse(Encoding.UTF8.GetBytes(json)));
        Assert.Equal(member, e.Member);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Excludes_match_at_the_start_of_the_path_as_Pythons_re_match_does()
    {
        var policy = RuntimePolicy.Parse("""{"meta":{"version":1},"excludes":["/tmp/.*","boot_aggregate"]}"""u8);
        var appraiser = new ImaAppraiser(policy);
        ImaEntryVerdict For(string path) => appraiser.Appraise(ImaEntry.Build(0, "ima-ng", new ImaDigest("sha1", new byte[20]), path));
        Assert.Equal(ImaFindingCodes.Excluded, For("/tmp/a").Code);
        Assert.Equal(ImaFindingCodes.Excluded, For("boot_aggregate").Code);
        Assert.Equal(ImaFindingCodes.Excluded, For("boot_aggregate_and_more").Code);
        Assert.Equal(ImaFindingCodes.PathNotInPolicy, For("/var/tmp/a").Code);
    }

    [Fact]
    public void A_hostile_exclude_pattern_cannot_hang_appraisal_and_a_timeout_does_not_exclude()
    {
        // Nested quantifiers: linear under NonBacktracking. A lookahead forces the backtracking engine; its timeout bounds it.
        var policy = RuntimePolicy.Parse("""{"meta":{"version":1},"excludes":["(a+)+$","(?=(a|aa)+$)b"]}"""u8);
        var appraiser = new ImaAppraiser(policy);
        var path = new string('a', 40) + "!";
        var watch = Stopwatch.StartNew();
        var verdict = appraiser.Appraise(ImaEntry.Build(0, "ima-ng", new ImaDigest("sha1", new byte[20]), path));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Equal(ImaFindingCodes.PathNotInPolicy, verdict.Code);
    }

    [Fact]
    public void A_policy_of_100000_digests_reads_and_answers_every_lookup()
    {
        var json = new StringBuilder("""{"meta":{"version":1},"digests":{""");
        for (var i = 0; i < 100_000; i++)
            json.Append(i == 0 ? "" : ",").Append($"\"/usr/lib/f{i}\":[\"{Convert.ToHexStringLower(Digest(i))}\"]");
        json.Append("}}");
        var watch = Stopwatch.StartNew();
        var policy = RuntimePolicy.Parse(Encoding.UTF8.GetBytes(json.ToString()));
        var parse = watch.Elapsed;
        Assert.Equal(100_000, policy.DigestCount);
        var appraiser = new ImaAppraiser(policy);
        watch.Restart();
        for (var i = 0; i < 100_000; i += 7)
        {
            var good = appraiser.Appraise(ImaEntry.Build(i, "ima-ng", new ImaDigest("sha256", Digest(i)), $"/usr/lib/f{i}"));
            Assert.True(good.Passed, good.Detail);
        }
        Assert.False(appraiser.Appraise(ImaEntry.Build(0, "ima-ng", new ImaDigest("sha256", Digest(1)), "/usr/lib/f2")).Passed);
        Assert.True(parse < TimeSpan.FromSeconds(20) && watch.Elapsed < TimeSpan.FromSeconds(20), $"parse {parse}, lookups {watch.Elapsed}");
    }

    private static byte[] Digest(int i) => System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i));
}
