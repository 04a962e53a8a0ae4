using System.Security.Cryptography;
using System.Text;

namespace GeoEdge.Ima.Tests;

public sealed class IncrementalAppraisalTests
{
    private static readonly Dictionary<int, byte[]> BootPcrs = Enumerable.Range(0, 10).ToDictionary(i => i, i => SHA256.HashData([(byte)i]));

    /// <summary>A boot of 31 entries: boot_aggregate, 29 listed files, one file the policy lists with another digest (index 17).</summary>
    private static (List<ImaEntry> Entries, RuntimePolicy Policy) Boot()
    {
        var aggregate = SHA256.HashData(Enumerable.Range(0, 10).SelectMany(i => BootPcrs[i]).ToArray());
        var entries = new List<ImaEntry> { ImaEntry.Build(0, "ima-ng", new ImaDigest("sha256", aggregate), "boot_aggregate") };
        var digests = new StringBuilder();
        for (var i = 1; i <= 30; i++)
        {
            var digest = SHA256.HashData(BitConverter.GetBytes(i));
            entries.Add(ImaEntry.Build(i, "ima-ng", new ImaDigest("sha256", digest), $"/usr/bin/tool{i}"));
            if (i == 17) digest = SHA256.HashData("something else"u8);
            digests.Append(digests.Length == 0 ? "" : ",").Append($"\"/usr/bin/tool{i}\":[\"{Convert.ToHexStringLower(digest)}\"]");
        }
        var policy = RuntimePolicy.Parse(Encoding.UTF8.GetBytes($$$"""{"meta":{"version":1},"digests":{{{{digests}}}}}"""));
        return (entries, policy);
    }

    private static byte[] Quote(IEnumerable<ImaEntry> entries) => ImaReplay.Extend(ImaPcrState.Initial, entries).Sha256;

    [Fact]
    public void Three_cycles_give_the_same_result_as_one_and_appraise_each_entry_once()
    {
        var (entries, policy) = Boot();
        var once = new ImaAppraiser(policy);
        var whole = ImaIncrementalAppraisal.Appraise(ImaPcrState.Initial, entries, "sha256", Quote(entries), once, BootPcrs);
        Assert.Null(whole.ReplayError);
        Assert.Equal(31, whole.Accepted);
        Assert.Equal([17], whole.Failures.Select(f => f.Entry.Index));
        Assert.Equal(ImaFindingCodes.DigestNotInPolicy, whole.Failures[0].Code);

        var cycles = new ImaAppraiser(policy);
        var state = ImaPcrState.Initial;
        var failures = new List<ImaEntryVerdict>();
        foreach (var (start, end) in new[] { (0, 10), (10, 20), (20, 31) })
        {
            var result = ImaIncrementalAppraisal.Appraise(state, entries[start..end], "sha256", Quote(entries[..end]), cycles, BootPcrs);
            Assert.Null(result.ReplayError);
            Assert.Equal(end - start, result.Accepted);
            failures.AddRange(result.Failures);
            state = result.Next;
            Assert.Equal(end, cycles.Appraised);
        }
        Assert.Equal(whole.Next, state);
        Assert.Equal(whole.Failures.Select(f => (f.Entry.Index, f.Code)), failures.Select(f => (f.Entry.Index, f.Code)));
        Assert.Equal(once.Appraised, cycles.Appraised);
    }

    [Fact]
    public void Entries_the_quote_has_not_seen_yet_wait_for_the_next_cycle()
    {
        var (entries, policy) = Boot();
        var appraiser = new ImaAppraiser(policy);
        var first = ImaIncrementalAppraisal.Appraise(ImaPcrState.Initial, entries[..12], "sha256", Quote(entries[..8]), appraiser, BootPcrs);
        Assert.Equal((8, 8), (first.Accepted, first.Next.Entries));
        Assert.Equal(8, appraiser.Appraised);
        var second = ImaIncrementalAppraisal.Appraise(first.Next, entries[8..], "sha256", Quote(entries), appraiser, null);
        Assert.Equal(23, second.Accepted);
        Assert.Equal(ImaReplay.Extend(ImaPcrState.Initial, entries), second.Next);
        // Nothing new and the PCR unchanged: an empty cycle is fine.
        var idle = ImaIncrementalAppraisal.Appraise(second.Next, [], "sha256", Quote(entries), appraiser, null);
        Assert.True(idle.Passed);
        Assert.Equal((0, second.Next), (idle.Accepted, idle.Next));
    }

    [Fact]
    public void A_quote_no_prefix_reaches_is_a_replay_error_naming_both_values_and_accepts_nothing()
    {
        var (entries, policy) = Boot();
        var appraiser = new ImaAppraiser(policy);
        var forged = entries.ToList();
        forged[5] = ImaEntry.Build(5, "ima-ng", new ImaDigest("sha256", new byte[32]), "/usr/bin/tool5");
        var quoted = Quote(entries);
        var result = ImaIncrementalAppraisal.Appraise(ImaPcrState.Initial, forged, "sha256", quoted, appraiser, BootPcrs);
        Assert.False(result.Passed);
        Assert.Equal((0, ImaPcrState.Initial), (result.Accepted, result.Next));
        Assert.Contains(Convert.ToHexStringLower(quoted), result.ReplayError, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexStringLower(Quote(forged)), result.ReplayError, StringComparison.Ordinal);
        Assert.Equal(0, appraiser.Appraised);
    }

    [Fact]
    public void New_entries_must_continue_where_the_last_cycle_stopped()
    {
        var (entries, policy) = Boot();
        var state = ImaReplay.Extend(ImaPcrState.Initial, entries[..10]);
        var result = ImaIncrementalAppraisal.Appraise(state, entries[11..], "sha256", Quote(entries), new ImaAppraiser(policy), null);
        Assert.Contains("index 11, expected 10", result.ReplayError, StringComparison.Ordinal);
        Assert.Equal(state, result.Next);
    }

    [Fact]
    public void The_first_cycle_checks_the_boot_aggregate_against_the_boot_PCRs()
    {
        var (entries, policy) = Boot();
        var otherBoot = BootPcrs.ToDictionary(p => p.Key, p => p.Key == 4 ? new byte[32] : p.Value);
        var result = ImaIncrementalAppraisal.Appraise(ImaPcrState.Initial, entries, "sha256", Quote(entries), new ImaAppraiser(policy), otherBoot);
        var mismatch = Assert.Single(result.Failures, f => f.Entry.Index == 0);
        Assert.Equal(ImaFindingCodes.BootAggregateMismatch, mismatch.Code);
        Assert.Contains("expected", mismatch.Detail, StringComparison.Ordinal);
        // Even with no policy, a boot_aggregate that does not match the boot is refused when boot PCRs are given.
        var noPolicy = ImaIncrementalAppraisal.Appraise(ImaPcrState.Initial, entries, "sha256", Quote(entries), new ImaAppraiser(null), otherBoot);
        Assert.Equal([0], noPolicy.Failures.Select(f => f.Entry.Index));
        // A policy that lists this boot_aggregate accepts it, as Keylime merges its list with the computed one.
        var listing = RuntimePolicy.Parse(Encoding.UTF8.GetBytes($$$"""{"meta":{"version":1},"digests":{"boot_aggregate":["{{{Convert.ToHexStringLower(entries[0].FileDigest.Value)}}}"]}}"""));
        var listed = ImaIncrementalAppraisal.Appraise(ImaPcrState.Initial, entries[..1], "sha256", Quote(entries[..1]), new ImaAppraiser(listing), otherBoot);
        Assert.True(listed.Passed);
    }

    [Fact]
    public void Keylimes_measurements_replay_in_the_sha1_bank_one_entry_per_cycle()
    {
        var entries = Expected.Entries("ima/keylime/measurements.txt");
        var appraiser = new ImaAppraiser(RuntimePolicy.Parse(Expected.Bytes("ima/keylime/runtime_policy_test_inline.json")));
        var state = ImaPcrState.Initial;
        for (var i = 0; i < entries.Count; i++)
        {
            var quoted = ImaReplay.Extend(ImaPcrState.Initial, entries.Take(i + 1)).Sha1;
            var result = ImaIncrementalAppraisal.Appraise(state, entries.Skip(i).ToList(), "sha1", quoted, appraiser, null);
            Assert.True(result.Passed, result.ReplayError);
            Assert.Equal(1, result.Accepted);
            state = result.Next;
        }
        Assert.Equal(Expected.For("ima/keylime/measurements.txt").GetProperty("pcr10_sha1_bank_from_ascii_template_hashes").GetString(), Convert.ToHexStringLower(state.Sha1));
    }
}
