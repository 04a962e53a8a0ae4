using GeoEdge.Jurisdictions.Data;

namespace GeoEdge.Jurisdictions.Index;

/// <summary>
/// The obvious answer: every region whose bounding box holds the point gets a full point-in-polygon
/// test. Slow (hundreds of microseconds over the subdivisions) but with nothing to get wrong, so it
/// is the oracle the tests hold <see cref="GridLocator"/> against.
/// </summary>
internal sealed class LinearScanLocator : IRegionLocator
{
    private readonly IReadOnlyList<BoundaryRegion> _regions;
    private readonly (double MinLon, double MinLat, double MaxLon, double MaxLat)[] _boxes;

    public LinearScanLocator(IReadOnlyList<BoundaryRegion> regions)
    {
        _regions = regions;
        _boxes = [.. regions.Select(r => (r.Lon.Min(), r.Lat.Min(), r.Lon.Max(), r.Lat.Max()))];
    }

    public int Locate(double lon, double lat)
    {
        for (var i = 0; i < _regions.Count; i++)
        {
            var box = _boxes[i];
            if (lon < box.MinLon || lon > box.MaxLon || lat < box.MinLat || lat > box.MaxLat) continue;
            if (_regions[i].Contains(lon, lat)) return i;
        }
        return -1;
    }
}
