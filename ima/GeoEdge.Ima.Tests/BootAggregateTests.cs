using System.Security.Cryptography;

namespace GeoEdge.Ima.Tests;

public sealed class BootAggregateTests
{
    private static Dictionary<int, byte[]> Pcrs(int size, int count) =>
        Enumerable.Range(0, count).ToDictionary(i => i, i => Enumerable.Repeat((byte)(0x10 + i), size).ToArray());

    private static ImaEntry Aggregate(string algorithm, byte[] digest) =>
        ImaEntry.Build(0, "ima-ng", new ImaDigest(algorithm, digest), "boot_aggregate");

    [Fact]
    public void A_sha1_boot_aggregate_is_the_hash_of_PCRs_0_to_7()
    {
        var pcrs = Pcrs(20, 10);
        var value = SHA1.HashData(Enumerable.Range(0, 8).SelectMany(i => pcrs[i]).ToArray());
        Assert.True(BootAggregate.Matches(Aggregate("sha1", value), "sha1", pcrs, out var detail), detail);
        Assert.Contains("PCRs 0-7", detail, StringComparison.Ordinal);
        var withEightAndNine = SHA1.HashData(Enumerable.Range(0, 10).SelectMany(i => pcrs[i]).ToArray());
        Assert.False(BootAggregate.Matches(Aggregate("sha1", withEightAndNine), "sha1", pcrs, out detail));
        Assert.Contains(Convert.ToHexStringLower(value), detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sha256_boot_aggregate_of_a_newer_kernel_also_covers_PCRs_8_and_9()
    {
        var pcrs = Pcrs(32, 10);
        var older = SHA256.HashData(Enumerable.Range(0, 8).SelectMany(i => pcrs[i]).ToArray());
        var newer = SHA256.HashData(Enumerable.Range(0, 10).SelectMany(i => pcrs[i]).ToArray());
        Assert.True(BootAggregate.Matches(Aggregate("sha256", older), "sha256", pcrs, out _));
        Assert.True(BootAggregate.Matches(Aggregate("sha256", newer), "sha256", pcrs, out var detail));
        Assert.Contains("PCRs 0-9", detail, StringComparison.Ordinal);
        pcrs[9][0] ^= 1;
        Assert.False(BootAggregate.Matches(Aggregate("sha256", newer), "sha256", pcrs, out detail));
        Assert.Contains("expected", detail, StringComparison.Ordinal);
        Assert.Contains("(PCRs 0-9)", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_bank_missing_PCRs_wrong_entry_and_an_all_zero_aggregate_never_match()
    {
        var pcrs = Pcrs(32, 10);
        var value = SHA256.HashData(Enumerable.Range(0, 8).SelectMany(i => pcrs[i]).ToArray());
        Assert.False(BootAggregate.Matches(Aggregate("sha256", value), "sha1", Pcrs(20, 10), out var detail));
        Assert.Contains("sha256 digest", detail, StringComparison.Ordinal);
        pcrs.Remove(3);
        Assert.False(BootAggregate.Matches(Aggregate("sha256", value), "sha256", pcrs, out detail));
        Assert.Contains("PCR 3", detail, StringComparison.Ordinal);
        var file = ImaEntry.Build(1, "ima-ng", new ImaDigest("sha256", value), "/usr/bin/dd");
        Assert.False(BootAggregate.Matches(file, "sha256", Pcrs(32, 10), out detail));
        Assert.Contains("not boot_aggregate", detail, StringComparison.Ordinal);
        // No TPM at boot: the kernel records zeros, which a TPM with all-zero PCRs must not "match" either.
        var zeros = Expected.Entries("ima/keylime/ima-log-sha1")[0];
        Assert.False(BootAggregate.Matches(zeros, "sha1", Enumerable.Range(0, 10).ToDictionary(i => i, _ => new byte[20]), out detail));
        Assert.Contains("all zero", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Keylime_sha256_list_starts_with_a_boot_aggregate_the_check_reads()
    {
        var entry = Expected.Entries("ima/keylime/ima-log-sha256")[0];
        Assert.False(BootAggregate.Matches(entry, "sha256", Pcrs(32, 10), out var detail));
        Assert.Contains("f4845392eca429a4c941a6a07fc32faf843a88c5c3dfa3b9329ab8f4171d9ce3", detail, StringComparison.Ordinal);
    }
}
