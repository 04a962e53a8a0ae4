using GeoEdge.Jurisdictions.Data;

namespace GeoEdge.Jurisdictions.Index;

/// <summary>
/// Every edge of every ring of a layer, as flat arrays: edge i runs from (X[i], Y[i]) to (X2[i], Y2[i])
/// and belongs to region Region[i]. Edges are numbered region by region, so a sorted list of edge
/// numbers is also grouped by region, which is what <see cref="GridLocator"/> relies on.
/// </summary>
internal sealed class EdgeSet
{
    public double[] X { get; }
    public double[] Y { get; }
    public double[] X2 { get; }
    public double[] Y2 { get; }
    public int[] Region { get; }
    public int Count => Region.Length;

    public EdgeSet(IReadOnlyList<BoundaryRegion> regions)
    {
        var count = 0;
        foreach (var r in regions) count += r.Lon.Length - r.RingCount;
        X = new double[count]; Y = new double[count]; X2 = new double[count]; Y2 = new double[count]; Region = new int[count];
        var n = 0;
        for (var id = 0; id < regions.Count; id++)
        {
            var region = regions[id];
            for (var ring = 0; ring < region.RingCount; ring++)
            {
                for (var i = region.RingStarts[ring] + 1; i < region.RingStarts[ring + 1]; i++)
                {
                    // A repeated position is no edge: it crosses nothing and only costs time.
                    if (region.Lon[i - 1] == region.Lon[i] && region.Lat[i - 1] == region.Lat[i]) continue;
                    X[n] = region.Lon[i - 1]; Y[n] = region.Lat[i - 1]; X2[n] = region.Lon[i]; Y2[n] = region.Lat[i]; Region[n] = id;
                    n++;
                }
            }
        }
        if (n < count)
        {
            X = X[..n]; Y = Y[..n]; X2 = X2[..n]; Y2 = Y2[..n]; Region = Region[..n];
        }
    }

    /// <summary>
    /// Does the path from (px, py) to (qx, qy) cross edge e? Half-open on the path's line (an edge end
    /// lying exactly on it counts as being on the negative side), so a path through a vertex counts
    /// the two edges meeting there once when it passes through the ring and zero or two times when it
    /// only touches it, exactly as ray casting does.
    /// </summary>
    public bool Crosses(int e, double px, double py, double qx, double qy)
    {
        double ax = X[e], ay = Y[e], bx = X2[e], by = Y2[e];
        double dx = qx - px, dy = qy - py;
        var sideA = dx * (ay - py) - dy * (ax - px) > 0;
        var sideB = dx * (by - py) - dy * (bx - px) > 0;
        if (sideA == sideB) return false;
        double ex = bx - ax, ey = by - ay;
        var sideP = ex * (py - ay) - ey * (px - ax);
        var sideQ = ex * (qy - ay) - ey * (qx - ax);
        return (sideP > 0 && sideQ < 0) || (sideP < 0 && sideQ > 0);
    }

    /// <summary>Does edge e touch the closed box? Conservative: only says no when it is sure.</summary>
    public bool Touches(int e, double minX, double minY, double maxX, double maxY)
    {
        double ax = X[e], ay = Y[e], bx = X2[e], by = Y2[e];
        if (Math.Max(ax, bx) < minX || Math.Min(ax, bx) > maxX || Math.Max(ay, by) < minY || Math.Min(ay, by) > maxY) return false;
        if (ax >= minX && ax <= maxX && ay >= minY && ay <= maxY) return true;
        // The edge's line misses the box when all four corners lie strictly on one side of it.
        double ex = bx - ax, ey = by - ay;
        var c1 = ex * (minY - ay) - ey * (minX - ax);
        var c2 = ex * (minY - ay) - ey * (maxX - ax);
        var c3 = ex * (maxY - ay) - ey * (minX - ax);
        var c4 = ex * (maxY - ay) - ey * (maxX - ax);
        return !((c1 > 0 && c2 > 0 && c3 > 0 && c4 > 0) || (c1 < 0 && c2 < 0 && c3 < 0 && c4 < 0));
    }

    /// <summary>Is (px, py) exactly on edge e? Reference points must not be, or crossings through them would be miscounted.</summary>
    public bool Contains(int e, double px, double py)
    {
        double ax = X[e], ay = Y[e], bx = X2[e], by = Y2[e];
        if (px < Math.Min(ax, bx) || px > Math.Max(ax, bx) || py < Math.Min(ay, by) || py > Math.Max(ay, by)) return false;
        return (bx - ax) * (py - ay) - (by - ay) * (px - ax) == 0;
    }
}
