using GeoEdge.Geofencing;
using GeoEdge.Geofencing.Geodesy;

namespace GeoEdge.Jurisdictions.Index;

/// <summary>
/// The distance from a point to a region's nearest edge among the edges in the quadtree leaves that
/// overlap a longitude/latitude box: the index's cells hold every edge touching them, so every edge
/// with a point inside the box is measured, and none outside the cells is.
/// </summary>
internal sealed class EdgeNeighbourhood(EdgeSet edges, GridTree tree)
{
    /// <summary>The smallest <see cref="SegmentDistance"/> from <paramref name="point"/> to an edge of the region in the box's leaves; +infinity when there is none.</summary>
    public double NearestEdgeMeters(int region, GeoPoint point, double minX, double minY, double maxX, double maxY)
    {
        var nearest = double.PositiveInfinity;
        Visit(tree.Root, -180, -90, 360, 180);
        return nearest;

        void Visit(int node, double x, double y, double width, double height)
        {
            if (x > maxX || x + width < minX || y > maxY || y + height < minY) return;
            if (node >= 0)
            {
                double halfW = width / 2, halfH = height / 2;
                for (var quadrant = 0; quadrant < 4; quadrant++)
                    Visit(tree.Children[node * 4 + quadrant], x + (quadrant & 1) * halfW, y + (quadrant >> 1) * halfH, halfW, halfH);
                return;
            }
            var leaf = ~node;
            for (var k = tree.EdgeStart[leaf]; k < tree.EdgeStart[leaf + 1]; k++)
            {
                var e = tree.EdgeIds[k];
                if (edges.Region[e] != region) continue;
                var distance = SegmentDistance.DistanceMeters(point, new GeoPoint(edges.Y[e], edges.X[e]), new GeoPoint(edges.Y2[e], edges.X2[e]));
                if (distance < nearest) nearest = distance;
            }
        }
    }
}
