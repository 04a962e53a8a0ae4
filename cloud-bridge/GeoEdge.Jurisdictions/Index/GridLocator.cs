using System.Runtime.CompilerServices;

namespace GeoEdge.Jurisdictions.Index;

/// <summary>
/// A quadtree over longitude/latitude with a flat jump table at its top (docs/jurisdictions.md, "Index").
/// Each leaf is either wholly inside one region or at sea (answered at once), or keeps the edges that
/// touch it plus a reference point whose regions are known: a point's membership in region r is then
/// the reference's membership flipped once per edge of r crossing the straight path from the
/// reference to the point. The path never leaves the leaf, so the leaf's edges are all that can cross it.
/// </summary>
internal sealed class GridLocator : IRegionLocator
{
    /// <summary>The jump table has 2^JumpDepth cells along each axis.</summary>
    public const int JumpDepth = 9;
    private const int JumpSize = 1 << JumpDepth;

    private readonly EdgeSet _edges;
    private readonly GridTree _tree;
    private readonly int[] _jump;

    public GridLocator(EdgeSet edges, GridTree tree)
    {
        _edges = edges;
        _tree = tree;
        _jump = BuildJumpTable(tree);
    }

    public long ApproximateBytes =>
        (long)_jump.Length * 4 + _tree.ApproximateBytes + (long)_edges.Count * (4 * 8 + 4);

    public int Locate(double lon, double lat) => AnswerInLeaf(LeafAt(lon, lat), lon, lat);

    /// <summary>
    /// Is the point in this one region, by the index alone? Null when its leaf is held whole by another
    /// region, which says nothing about this one where regions overlap: the caller then tests the region itself.
    /// </summary>
    public bool? Holds(int region, double lon, double lat)
    {
        var leaf = LeafAt(lon, lat);
        var sure = _tree.Sure[leaf];
        if (sure != GridTree.NotSure) return sure == region ? true : sure == -1 ? false : null;
        var inside = _tree.InReferenceSet(leaf, region);
        double refX = _tree.RefX[leaf], refY = _tree.RefY[leaf];
        for (var k = _tree.EdgeStart[leaf]; k < _tree.EdgeStart[leaf + 1]; k++)
        {
            var e = _tree.EdgeIds[k];
            if (_edges.Region[e] == region && _edges.Crosses(e, lon, lat, refX, refY)) inside = !inside;
        }
        return inside;
    }

    private int LeafAt(double lon, double lat)
    {
        var i = Math.Clamp((int)((lon + 180) * (JumpSize / 360.0)), 0, JumpSize - 1);
        var j = Math.Clamp((int)((lat + 90) * (JumpSize / 180.0)), 0, JumpSize - 1);
        var node = _jump[j * JumpSize + i];
        if (node >= 0)
        {
            var width = 360.0 / JumpSize;
            var height = 180.0 / JumpSize;
            node = Descend(node, lon, lat, -180 + i * width, -90 + j * height, width, height);
        }
        return ~node;
    }

    /// <summary>From an inner node with the given box down to a leaf; returns the leaf encoded as a negative node.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Descend(int node, double lon, double lat, double minX, double minY, double width, double height)
    {
        var children = _tree.Children;
        while (node >= 0)
        {
            width *= 0.5;
            height *= 0.5;
            var quadrant = 0;
            if (lon >= minX + width) { quadrant = 1; minX += width; }
            if (lat >= minY + height) { quadrant += 2; minY += height; }
            node = children[node * 4 + quadrant];
        }
        return node;
    }

    private int AnswerInLeaf(int leaf, double lon, double lat)
    {
        var tree = _tree;
        if (tree.Sure[leaf] != GridTree.NotSure) return tree.Sure[leaf];
        int start = tree.EdgeStart[leaf], end = tree.EdgeStart[leaf + 1];
        double refX = tree.RefX[leaf], refY = tree.RefY[leaf];
        var edgeIds = tree.EdgeIds;
        var regions = _edges.Region;
        var k = start;
        while (k < end)
        {
            var region = regions[edgeIds[k]];
            var inside = tree.InReferenceSet(leaf, region);
            for (; k < end && regions[edgeIds[k]] == region; k++)
                if (_edges.Crosses(edgeIds[k], lon, lat, refX, refY)) inside = !inside;
            if (inside) return region;
        }
        return -1;
    }

    private static int[] BuildJumpTable(GridTree tree)
    {
        var jump = new int[JumpSize * JumpSize];
        var width = 360.0 / JumpSize;
        var height = 180.0 / JumpSize;
        for (var j = 0; j < JumpSize; j++)
        {
            for (var i = 0; i < JumpSize; i++)
            {
                // Walk down with the cell's centre until a leaf or the jump depth is reached.
                double cx = -180 + (i + 0.5) * width, cy = -90 + (j + 0.5) * height;
                double minX = -180, minY = -90, w = 360, h = 180;
                var node = tree.Root;
                for (var depth = 0; depth < JumpDepth && node >= 0; depth++)
                {
                    w *= 0.5; h *= 0.5;
                    var quadrant = 0;
                    if (cx >= minX + w) { quadrant = 1; minX += w; }
                    if (cy >= minY + h) { quadrant += 2; minY += h; }
                    node = tree.Children[node * 4 + quadrant];
                }
                jump[j * JumpSize + i] = node;
            }
        }
        return jump;
    }
}
