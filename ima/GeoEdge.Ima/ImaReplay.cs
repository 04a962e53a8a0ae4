using System.Security.Cryptography;

namespace GeoEdge.Ima;

/// <summary>
/// Replays a measurement list into PCR 10. The SHA-1 bank is extended with the recorded template hash; the SHA-256
/// bank with SHA-256 of the template data (kernels since 5.8 hash the template data once per bank); a violation
/// extends all-ones into both. Entries recorded for another PCR do not touch PCR 10 and are skipped (they still count
/// in <see cref="ImaPcrState.Entries"/>; the appraiser flags them).
/// </summary>
public static class ImaReplay
{
    /// <summary>CONFIG_IMA_MEASURE_PCR_IDX, 10 on every distribution.</summary>
    public const int ImaPcr = 10;

    public static ImaPcrState Extend(ImaPcrState from, IEnumerable<ImaEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(from);
        var sha1 = from.Sha1.ToArray();
        var sha256 = from.Sha256.ToArray();
        var count = from.Entries;
        foreach (var e in entries)
        {
            count++;
            if (e.Pcr != ImaPcr) continue;
            Step(sha1, e, "sha1");
            Step(sha256, e, "sha256");
        }
        return new ImaPcrState(count, sha1, sha256);
    }

    /// <summary>
    /// The smallest n (0..Count) such that PCR 10 in <paramref name="bank"/> after the first n entries equals the quoted
    /// value, or null when no prefix does. A quote may lag the list (the kernel appends, then extends), so a match on a
    /// prefix is the normal case.
    /// </summary>
    public static int? PrefixMatching(ImaPcrState from, IReadOnlyList<ImaEntry> entries, string bank, ReadOnlySpan<byte> quotedPcr10)
    {
        ArgumentNullException.ThrowIfNull(from);
        var pcr = from.Bank(bank).ToArray();
        if (pcr.AsSpan().SequenceEqual(quotedPcr10)) return 0;
        if (quotedPcr10.Length != pcr.Length) return null;
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Pcr != ImaPcr) continue;
            Step(pcr, entries[i], bank);
            if (pcr.AsSpan().SequenceEqual(quotedPcr10)) return i + 1;
        }
        return null;
    }

    /// <summary>
    /// One pass over the entries in both banks: the smallest prefix whose <paramref name="bank"/> value equals the quote
    /// and the state after it, or null and the state after all entries. What <see cref="PrefixMatching"/> then
    /// <see cref="Extend"/> would give, at the cost of one replay.
    /// </summary>
    internal static (int? Matched, ImaPcrState State) Scan(ImaPcrState from, IReadOnlyList<ImaEntry> entries, string bank, ReadOnlySpan<byte> quotedPcr10)
    {
        var sha1 = from.Sha1.ToArray();
        var sha256 = from.Sha256.ToArray();
        var target = bank == "sha1" ? sha1 : sha256;
        _ = from.Bank(bank);
        if (target.AsSpan().SequenceEqual(quotedPcr10)) return (0, from);
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Pcr != ImaPcr) continue;
            Step(sha1, entries[i], "sha1");
            Step(sha256, entries[i], "sha256");
            if (target.AsSpan().SequenceEqual(quotedPcr10)) return (i + 1, new ImaPcrState(from.Entries + i + 1, sha1, sha256));
        }
        return (null, new ImaPcrState(from.Entries + entries.Count, sha1, sha256));
    }

    /// <summary>
    /// What the kernel extends into PCR 10's <paramref name="bank"/> ("sha1" or "sha256") for this entry: the
    /// template hash, SHA-256 of the template data, or all ones for a violation. For whoever plays the kernel (test rigs).
    /// </summary>
    public static byte[] Measurement(ImaEntry e, string bank)
    {
        ArgumentNullException.ThrowIfNull(e);
        var measurement = new byte[bank == "sha1" ? 20 : 32];
        WriteMeasurement(measurement, e, bank);
        return measurement;
    }

    /// <summary>pcr = H(pcr || measurement) in place.</summary>
    internal static void Step(byte[] pcr, ImaEntry e, string bank)
    {
        Span<byte> buffer = stackalloc byte[64];
        pcr.CopyTo(buffer);
        WriteMeasurement(buffer.Slice(pcr.Length, pcr.Length), e, bank);
        if (bank == "sha1") SHA1.HashData(buffer[..40], pcr);
        else SHA256.HashData(buffer, pcr);
    }

    private static void WriteMeasurement(Span<byte> measurement, ImaEntry e, string bank)
    {
        if (e.IsViolation) measurement.Fill(0xff);
        else if (bank == "sha1") e.TemplateHash.AsSpan(0, Math.Min(e.TemplateHash.Length, 20)).CopyTo(measurement);
        else SHA256.HashData(e.TemplateData, measurement);
    }
}
