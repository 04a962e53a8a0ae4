using GeoEdge.Jurisdictions.Index;

namespace GeoEdge.Jurisdictions.Data;

/// <summary>One layer of regions (the countries, or the subdivisions): lookup by code and by point.</summary>
internal sealed class RegionSet
{
    private readonly Dictionary<string, BoundaryRegion> _byCode;
    private readonly IRegionLocator _locator;

    public RegionSet(IReadOnlyList<BoundaryRegion> regions)
    {
        Regions = regions;
        _byCode = regions.ToDictionary(r => r.Code, StringComparer.Ordinal);
        var edges = new EdgeSet(regions);
        var grid = new GridLocator(edges, GridBuilder.Build(regions, edges));
        _locator = grid;
        IndexBytes = grid.ApproximateBytes;
    }

    /// <summary>What the index holds beyond the regions' own coordinates, for the memory figures.</summary>
    public long IndexBytes { get; }

    /// <summary>The region number at a point, -1 for none: the index's answer, for tests and benchmarks.</summary>
    internal int LocateIndex(double lon, double lat) => _locator.Locate(lon, lat);

    public IReadOnlyList<BoundaryRegion> Regions { get; }

    public BoundaryRegion? Find(string code) => _byCode.GetValueOrDefault(code);

    public string? Locate(double lon, double lat)
    {
        var index = _locator.Locate(lon, lat);
        // -180 and 180 are one meridian, but the data cuts shapes there, so a point on it lies on
        // the edge of the piece on one side and in no piece on the other: ask both sides.
        if (index < 0 && Math.Abs(lon) == 180) index = _locator.Locate(-lon, lat);
        return index < 0 ? null : Regions[index].Code;
    }
}
