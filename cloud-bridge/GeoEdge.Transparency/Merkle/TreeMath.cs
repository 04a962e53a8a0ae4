using System.Numerics;

namespace GeoEdge.Transparency;

/// <summary>The index arithmetic RFC 9162 section 2.1 splits trees with.</summary>
internal static class TreeMath
{
    /// <summary>k, the largest power of two smaller than <paramref name="n"/> (n &gt; 1): the size of the left subtree.</summary>
    public static long SplitPoint(long n)
    {
        if (n < 2) throw new ArgumentOutOfRangeException(nameof(n), n, "only a tree of two or more leaves is split");
        return 1L << (63 - BitOperations.LeadingZeroCount((ulong)(n - 1)));
    }

    public static bool IsPowerOfTwo(long n) => n > 0 && (n & (n - 1)) == 0;

    /// <summary>log2 of a power of two.</summary>
    public static int Level(long powerOfTwo) => BitOperations.TrailingZeroCount((ulong)powerOfTwo);
}
