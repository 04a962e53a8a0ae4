using System.Security.Cryptography;

namespace GeoEdge.Transparency.Tests;

/// <summary>
/// RFC 9162 section 2.1's recursive definitions transcribed literally over lists of entries, with their own
/// hashing: slow (O(n) per hash) and independent of the library's subtree arithmetic, so it can catch it out.
/// </summary>
internal static class NaiveMerkle
{
    public static byte[] Mth(IReadOnlyList<byte[]> d)
    {
        if (d.Count == 0) return SHA256.HashData([]);
        if (d.Count == 1) return SHA256.HashData([0x00, .. d[0]]);
        var k = K(d.Count);
        return SHA256.HashData([0x01, .. Mth(Slice(d, 0, k)), .. Mth(Slice(d, k, d.Count))]);
    }

    public static List<byte[]> Path(int m, IReadOnlyList<byte[]> d)
    {
        if (d.Count == 1) return [];
        var k = K(d.Count);
        return m < k
            ? [.. Path(m, Slice(d, 0, k)), Mth(Slice(d, k, d.Count))]
            : [.. Path(m - k, Slice(d, k, d.Count)), Mth(Slice(d, 0, k))];
    }

    public static List<byte[]> Proof(int m, IReadOnlyList<byte[]> d) => Subproof(m, d, true);

    private static List<byte[]> Subproof(int m, IReadOnlyList<byte[]> d, bool b)
    {
        if (m == d.Count) return b ? [] : [Mth(d)];
        var k = K(d.Count);
        return m <= k
            ? [.. Subproof(m, Slice(d, 0, k), b), Mth(Slice(d, k, d.Count))]
            : [.. Subproof(m - k, Slice(d, k, d.Count), false), Mth(Slice(d, 0, k))];
    }

    /// <summary>The library's proof generators over these entries: complete subtrees hashed naively.</summary>
    public static CompleteSubtreeHash Subtrees(IReadOnlyList<byte[]> d) =>
        (level, index) => Mth(Slice(d, (int)(index << level), (int)((index + 1) << level)));

    /// <summary>Distinct, varied entries: entry i is i bytes of a pattern seeded by i.</summary>
    public static List<byte[]> Entries(int n) =>
        Enumerable.Range(0, n).Select(i => Enumerable.Range(0, i % 37).Select(j => (byte)(i * 31 + j)).Prepend((byte)i).ToArray()).ToList();

    private static int K(int n)
    {
        var k = 1;
        while (k * 2 < n) k *= 2;
        return k;
    }

    private static List<byte[]> Slice(IReadOnlyList<byte[]> d, int from, int to) => d.Skip(from).Take(to - from).ToList();
}
