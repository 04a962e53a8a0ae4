namespace GeoEdge.Ima.Tests;

public sealed class ImaReplayTests
{
    public static TheoryData<string> Lists => new(Expected.Lists);

    [Theory]
    [MemberData(nameof(Lists))]
    public void PCR10_after_each_list_equals_the_independent_computation_in_both_banks(string list)
    {
        var expected = Expected.For(list);
        var state = ImaReplay.Extend(ImaPcrState.Initial, Expected.Entries(list));
        Assert.Equal(expected.GetProperty("entries").GetInt32(), state.Entries);
        Assert.Equal(expected.GetProperty("pcr10_sha1_bank_from_ascii_template_hashes").GetString(), Convert.ToHexStringLower(state.Sha1));
        Assert.Equal(expected.GetProperty("pcr10_sha256_bank_assuming_sha256_template_digest").GetString(), Convert.ToHexStringLower(state.Sha256));
    }

    [Fact]
    public void Replaying_in_pieces_gives_the_same_state_as_replaying_at_once()
    {
        var entries = Expected.Entries("ima/keylime/measurements.txt").Concat(Expected.Entries("ima/keylime/signatures.txt")).ToList();
        var whole = ImaReplay.Extend(ImaPcrState.Initial, entries);
        var pieces = ImaReplay.Extend(ImaReplay.Extend(ImaPcrState.Initial, entries.Take(2)), entries.Skip(2));
        Assert.Equal(whole, pieces);
        Assert.NotEqual(whole, ImaReplay.Extend(ImaPcrState.Initial, entries.Take(4)));
        Assert.NotSame(ImaPcrState.Initial.Sha1, whole.Sha1);
        Assert.All(ImaPcrState.Initial.Sha1, b => Assert.Equal(0, b));
    }

    [Theory]
    [InlineData("sha1")]
    [InlineData("sha256")]
    public void The_smallest_prefix_reaching_the_quoted_value_is_found(string bank)
    {
        var entries = Expected.Entries("ima/keylime/measurements.txt").Concat(Expected.Entries("ima/keylime/keyrings.txt")).ToList();
        for (var n = 0; n <= entries.Count; n++)
        {
            var quoted = ImaReplay.Extend(ImaPcrState.Initial, entries.Take(n)).Bank(bank);
            Assert.Equal(n, ImaReplay.PrefixMatching(ImaPcrState.Initial, entries, bank, quoted));
        }
        Assert.Null(ImaReplay.PrefixMatching(ImaPcrState.Initial, entries, bank, new byte[bank == "sha1" ? 20 : 32].Select(_ => (byte)7).ToArray()));
        Assert.Null(ImaReplay.PrefixMatching(ImaPcrState.Initial, entries, bank, new byte[5]));
        var middle = ImaReplay.Extend(ImaPcrState.Initial, entries.Take(2));
        var rest = entries.Skip(2).ToList();
        Assert.Equal(rest.Count, ImaReplay.PrefixMatching(middle, rest, bank, ImaReplay.Extend(ImaPcrState.Initial, entries).Bank(bank)));
        Assert.Throws<ArgumentException>(() => ImaReplay.PrefixMatching(middle, rest, "md5", new byte[16]));
    }

    [Fact]
    public void A_violation_extends_all_ones_into_both_banks()
    {
        var entry = Expected.Entries("ima/keylime/ima-log-sha256")[1];
        var violation = entry.AsViolation();
        Assert.True(violation.IsViolation);
        Assert.True(violation.TemplateHashMatches());
        var state = ImaReplay.Extend(ImaPcrState.Initial, [violation]);
        var ones20 = Enumerable.Repeat((byte)0xff, 20).ToArray();
        var ones32 = Enumerable.Repeat((byte)0xff, 32).ToArray();
        Assert.Equal(System.Security.Cryptography.SHA1.HashData(new byte[20].Concat(ones20).ToArray()), state.Sha1);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(new byte[32].Concat(ones32).ToArray()), state.Sha256);
    }

    [Fact]
    public void Entries_for_another_PCR_do_not_touch_PCR10_but_are_counted()
    {
        var entries = Expected.Entries("ima/keylime/ima-log-sha256");
        var other = entries[1] with { Pcr = 11 };
        var state = ImaReplay.Extend(ImaPcrState.Initial, [entries[0], other]);
        Assert.Equal(2, state.Entries);
        Assert.Equal(ImaReplay.Extend(ImaPcrState.Initial, [entries[0]]).Sha1, state.Sha1);
    }
}
