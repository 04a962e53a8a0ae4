using GeoEdge.Jurisdictions.Index;

namespace GeoEdge.Jurisdictions.Data;

/// <summary>One layer of regions (the countries, or the subdivisions): lookup by code and by point.</summary>
internal sealed class RegionSet
{
    private readonly Dictionary<string, int> _byCode;
    private readonly GridLocator _locator;
    private readonly EdgeNeighbourhood _neighbourhood;

    public RegionSet(IReadOnlyList<BoundaryRegion> regions)
    {
        Regions = regions;
        _byCode = new Dictionary<string, int>(regions.Count, StringComparer.Ordinal);
        for (var i = 0; i < regions.Count; i++) _byCode.Add(regions[i].Code, i);
        var edges = new EdgeSet(regions);
        var tree = GridBuilder.Build(regions, edges);
        _locator = new GridLocator(edges, tree);
        _neighbourhood = new EdgeNeighbourhood(edges, tree);
        IndexBytes = _locator.ApproximateBytes;
    }

    /// <summary>What the index holds beyond the regions' own coordinates, for the memory figures.</summary>
    public long IndexBytes { get; }

    /// <summary>The region number at a point, -1 for none: the index's answer, for tests and benchmarks.</summary>
    internal int LocateIndex(double lon, double lat) => _locator.Locate(lon, lat);

    public IReadOnlyList<BoundaryRegion> Regions { get; }

    public BoundaryRegion? Find(string code) => _byCode.TryGetValue(code, out var i) ? Regions[i] : null;

    /// <summary>The region's number, -1 for an unknown code.</summary>
    public int IndexOf(string code) => _byCode.GetValueOrDefault(code, -1);

    /// <summary>Whether the point is in region number <paramref name="region"/>: the index's answer, or the region's own rings where the index cannot tell.</summary>
    public bool Holds(int region, double lon, double lat) => _locator.Holds(region, lon, lat) ?? Regions[region].Contains(lon, lat);

    /// <inheritdoc cref="EdgeNeighbourhood.NearestEdgeMeters"/>
    public double NearestEdgeMeters(int region, GeoEdge.Geofencing.GeoPoint point, double minX, double minY, double maxX, double maxY) =>
        _neighbourhood.NearestEdgeMeters(region, point, minX, minY, maxX, maxY);

    public string? Locate(double lon, double lat)
    {
        var index = _locator.Locate(lon, lat);
        // -180 and 180 are one meridian, but the data cuts shapes there, so a point on it lies on
        // the edge of the piece on one side and in no piece on the other: ask both sides.
        if (index < 0 && Math.Abs(lon) == 180) index = _locator.Locate(-lon, lat);
        return index < 0 ? null : Regions[index].Code;
    }
}
