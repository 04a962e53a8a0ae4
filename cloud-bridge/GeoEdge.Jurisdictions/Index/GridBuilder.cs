using GeoEdge.Jurisdictions.Data;

namespace GeoEdge.Jurisdictions.Index;

/// <summary>
/// Builds a <see cref="GridTree"/> top-down. The root's reference point is classified once by full
/// point-in-polygon tests; every child's reference point (its centre) is then classified from its
/// parent's by counting crossings along the path between them, so no leaf ever needs a full test.
/// </summary>
internal sealed class GridBuilder
{
    /// <summary>A cell with at most this many edges stops splitting: testing them is cheaper than descending further.</summary>
    public const int MaxLeafEdges = 8;
    /// <summary>360 / 2^22 degrees is about 10 m of longitude at the equator: below that, splitting buys nothing.</summary>
    public const int MaxDepth = 22;

    private readonly EdgeSet _edges;
    private readonly bool[] _parity;
    private readonly List<int> _touched = [];
    private readonly List<int> _children = [];
    private readonly List<int> _sure = [], _edgeStart = [], _edgeIds = [], _refStart = [], _refRegions = [];
    private readonly List<double> _refX = [], _refY = [];

    private GridBuilder(EdgeSet edges, int regionCount)
    {
        _edges = edges;
        _parity = new bool[regionCount];
    }

    public static GridTree Build(IReadOnlyList<BoundaryRegion> regions, EdgeSet edges)
    {
        var builder = new GridBuilder(edges, regions.Count);
        var all = Enumerable.Range(0, edges.Count).ToList();
        var (refX, refY) = builder.OffEdges(all, 0.0, 0.0, 360, 180);
        var refSet = new List<int>();
        for (var r = 0; r < regions.Count; r++)
            if (regions[r].Contains(refX, refY)) refSet.Add(r);
        var root = builder.Node(-180, -90, 360, 180, all, refX, refY, refSet, 0);
        builder._edgeStart.Add(builder._edgeIds.Count);
        builder._refStart.Add(builder._refRegions.Count);
        return new GridTree
        {
            Root = root, Children = [.. builder._children], Sure = [.. builder._sure],
            EdgeStart = [.. builder._edgeStart], EdgeIds = [.. builder._edgeIds],
            RefX = [.. builder._refX], RefY = [.. builder._refY],
            RefStart = [.. builder._refStart], RefRegions = [.. builder._refRegions],
        };
    }

    private int Node(double minX, double minY, double width, double height, List<int> edges, double refX, double refY, List<int> refSet, int depth)
    {
        if (edges.Count <= MaxLeafEdges || depth >= MaxDepth) return Leaf(edges, refX, refY, refSet);

        var node = _children.Count / 4;
        _children.AddRange([0, 0, 0, 0]);
        double halfW = width / 2, halfH = height / 2;
        for (var quadrant = 0; quadrant < 4; quadrant++)
        {
            var childMinX = minX + (quadrant & 1) * halfW;
            var childMinY = minY + (quadrant >> 1) * halfH;
            var childEdges = new List<int>();
            foreach (var e in edges)
                if (_edges.Touches(e, childMinX, childMinY, childMinX + halfW, childMinY + halfH)) childEdges.Add(e);
            var (cx, cy) = OffEdges(childEdges, childMinX + halfW / 2, childMinY + halfH / 2, halfW, halfH);
            var childRefSet = Reclassify(edges, refX, refY, cx, cy, refSet);
            _children[node * 4 + quadrant] = Node(childMinX, childMinY, halfW, halfH, childEdges, cx, cy, childRefSet, depth + 1);
        }
        return node;
    }

    private int Leaf(List<int> edges, double refX, double refY, List<int> refSet)
    {
        var leaf = _sure.Count;
        // A region holding the reference point with none of its edges in the cell holds the whole cell.
        var sure = refSet.Count == 0 && edges.Count == 0 ? -1 : GridTree.NotSure;
        foreach (var r in refSet)
            if (!edges.Exists(e => _edges.Region[e] == r)) { sure = r; break; }
        _sure.Add(sure);
        _edgeStart.Add(_edgeIds.Count);
        _refStart.Add(_refRegions.Count);
        _refX.Add(refX);
        _refY.Add(refY);
        // A sure leaf keeps its edges too (other regions' only, usually none): the distance queries
        // (EdgeNeighbourhood) must see every edge near a point, wherever the locator can skip them.
        _edgeIds.AddRange(edges);     // already ascending, hence grouped by region
        if (sure == GridTree.NotSure) _refRegions.AddRange(refSet);
        return ~leaf;
    }

    /// <summary>The regions holding (toX, toY), from those holding (fromX, fromY) and the edges crossed on the way.</summary>
    private List<int> Reclassify(List<int> edges, double fromX, double fromY, double toX, double toY, List<int> fromSet)
    {
        foreach (var e in edges)
        {
            if (!_edges.Crosses(e, toX, toY, fromX, fromY)) continue;
            var r = _edges.Region[e];
            if (!_parity[r]) _touched.Add(r);
            _parity[r] = !_parity[r];
        }
        var result = new List<int>(fromSet.Count + 1);
        foreach (var r in fromSet)
            if (!_parity[r]) result.Add(r);
        foreach (var r in _touched)
        {
            if (_parity[r] && !fromSet.Contains(r)) result.Add(r);
            _parity[r] = false;
        }
        _touched.Clear();
        result.Sort();
        return result;
    }

    /// <summary>The cell centre, nudged off any edge running exactly through it.</summary>
    private (double X, double Y) OffEdges(List<int> edges, double x, double y, double width, double height)
    {
        for (var attempt = 1; attempt < 64; attempt++)
        {
            if (!edges.Exists(e => _edges.Contains(e, x, y))) return (x, y);
            x += width * 1e-4 * attempt * 0.618;
            y += height * 1e-4 * attempt * 0.382;
        }
        throw new InvalidOperationException("no reference point off the boundary edges in a cell");
    }
}
