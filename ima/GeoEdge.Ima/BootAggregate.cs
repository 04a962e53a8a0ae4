using System.Security.Cryptography;

namespace GeoEdge.Ima;

/// <summary>
/// The first IMA entry, "boot_aggregate", binds the runtime list to the boot: the kernel hashes PCRs 0-7 of one bank
/// (and, for banks other than SHA-1, since 5.8, PCRs 8-9 too) and records that digest. Checking it against the quoted
/// boot PCRs proves the list belongs to this boot.
/// </summary>
public static class BootAggregate
{
    public const string Name = "boot_aggregate";

    /// <param name="bank">"sha1" or "sha256": the bank of <paramref name="pcrs"/>.</param>
    /// <param name="pcrs">PCR index to value in that bank; 0-7 are needed, 8-9 for the newer form.</param>
    public static bool Matches(ImaEntry entry, string bank, IReadOnlyDictionary<int, byte[]> pcrs, out string detail)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(pcrs);
        var size = bank switch
        {
            "sha1" => 20,
            "sha256" => 32,
            _ => throw new ArgumentException($"PCR bank must be sha1 or sha256, got '{bank}'", nameof(bank)),
        };
        if (entry.Path != Name)
        {
            detail = $"entry {entry.Index} is '{ImaTemplate.Printable(entry.Path)}', not {Name}";
            return false;
        }
        if (entry.FileDigest.Algorithm != bank)
        {
            detail = $"the {Name} is a {entry.FileDigest.Algorithm} digest; the PCRs are of the {bank} bank";
            return false;
        }
        if (!entry.FileDigest.Value.AsSpan().ContainsAnyExcept((byte)0))
        {
            detail = $"the {Name} is all zero: the kernel found no TPM at boot, so nothing binds this list to a boot";
            return false;
        }
        var firstEight = Aggregate(bank, size, pcrs, 8, out var missing);
        if (firstEight is null)
        {
            detail = $"PCR {missing} of the {bank} bank is missing or not {size} bytes";
            return false;
        }
        // The kernel adds PCRs 8-9 only to non-SHA-1 aggregates (ima_calc_boot_aggregate_tfm).
        var firstTen = bank == "sha1" ? null : Aggregate(bank, size, pcrs, 10, out _);
        var recorded = entry.FileDigest.Value;
        if (recorded.AsSpan().SequenceEqual(firstEight) || (firstTen is not null && recorded.AsSpan().SequenceEqual(firstTen)))
        {
            detail = $"{Name} {Convert.ToHexStringLower(recorded)} matches PCRs 0-{(recorded.AsSpan().SequenceEqual(firstEight) ? 7 : 9)}";
            return true;
        }
        detail = $"{Name} is {Convert.ToHexStringLower(recorded)}; expected {Convert.ToHexStringLower(firstEight)} (PCRs 0-7)"
            + (firstTen is null ? "" : $" or {Convert.ToHexStringLower(firstTen)} (PCRs 0-9)")
            + (bank != "sha1" && firstTen is null ? " (PCRs 8-9 not given)" : "");
        return false;
    }

    private static byte[]? Aggregate(string bank, int size, IReadOnlyDictionary<int, byte[]> pcrs, int count, out int missing)
    {
        var concatenated = new byte[size * count];
        for (var i = 0; i < count; i++)
        {
            if (!pcrs.TryGetValue(i, out var value) || value.Length != size)
            {
                missing = i;
                return null;
            }
            value.CopyTo(concatenated, i * size);
        }
        missing = -1;
        return bank == "sha1" ? SHA1.HashData(concatenated) : SHA256.HashData(concatenated);
    }
}
