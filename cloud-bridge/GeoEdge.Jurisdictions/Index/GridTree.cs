namespace GeoEdge.Jurisdictions.Index;

/// <summary>
/// The quadtree as flat arrays. A node is an int: n >= 0 is an inner node whose four children
/// (south-west, south-east, north-west, north-east) are Children[4n..4n+3]; n &lt; 0 is leaf ~n.
/// </summary>
internal sealed class GridTree
{
    public const int NotSure = int.MinValue;

    public required int Root { get; init; }
    public required int[] Children { get; init; }
    /// <summary>Per leaf: the region holding the whole leaf (-1: all sea), or <see cref="NotSure"/> when the edges must be tested.</summary>
    public required int[] Sure { get; init; }
    /// <summary>Per leaf, the start of the edge numbers touching it in <see cref="EdgeIds"/> (sure leaves included); one extra final entry.</summary>
    public required int[] EdgeStart { get; init; }
    public required int[] EdgeIds { get; init; }
    public required double[] RefX { get; init; }
    public required double[] RefY { get; init; }
    /// <summary>Per leaf, the start of the regions holding its reference point in <see cref="RefRegions"/>; one extra final entry.</summary>
    public required int[] RefStart { get; init; }
    public required int[] RefRegions { get; init; }

    public int LeafCount => Sure.Length;

    public long ApproximateBytes =>
        (long)Children.Length * 4 + (long)Sure.Length * (4 + 4 + 8 + 8 + 4) + (long)EdgeIds.Length * 4 + (long)RefRegions.Length * 4;

    public bool InReferenceSet(int leaf, int region)
    {
        for (var k = RefStart[leaf]; k < RefStart[leaf + 1]; k++)
            if (RefRegions[k] == region) return true;
        return false;
    }
}
