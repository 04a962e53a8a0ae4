using System.Collections.Concurrent;
using GeoEdge.Geofencing;
using GeoEdge.Jurisdictions.Data;
using GeoEdge.Jurisdictions.Index;

namespace GeoEdge.Jurisdictions;

/// <summary>
/// Countries (ISO 3166-1 alpha-2) and their subdivisions (ISO 3166-2), loaded from the boundary files
/// scripts/fetch-boundaries.sh produces, with a spatial index for point lookups. Immutable after
/// <see cref="Load"/> and safe to share between threads. See docs/jurisdictions.md.
/// </summary>
public sealed class JurisdictionAtlas
{
    public const string CountriesFileName = "countries.geojson";
    public const string SubdivisionsFileName = "subdivisions.geojson";

    private readonly RegionSet _countries;
    private readonly RegionSet _subdivisions;
    private readonly ConcurrentDictionary<string, PolygonFence> _fences = new(StringComparer.Ordinal);

    private JurisdictionAtlas(RegionSet countries, RegionSet subdivisions)
    {
        _countries = countries;
        _subdivisions = subdivisions;
        CountryCodes = [.. countries.Regions.Select(r => r.Code).Order(StringComparer.Ordinal)];
    }

    /// <summary><c>$GEOEDGE_BOUNDARIES</c> if set, else artifacts/boundaries of the checkout holding GeoEdge.sln above <see cref="AppContext.BaseDirectory"/>.</summary>
    public static string DefaultDirectory => RepositoryLayout.DefaultBoundariesDirectory();

    /// <exception cref="JurisdictionDataException">a file is missing or malformed; the message names it.</exception>
    public static JurisdictionAtlas Load(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var countries = BoundaryFileReader.ReadCountries(Path.Combine(directory, CountriesFileName));
        var subdivisions = BoundaryFileReader.ReadSubdivisions(Path.Combine(directory, SubdivisionsFileName));
        return new JurisdictionAtlas(new RegionSet(countries), new RegionSet(subdivisions));
    }

    /// <summary>
    /// What <see cref="Load"/> can tell without parsing: both files exist and neither is larger than allowed.
    /// Milliseconds instead of seconds, so a program can refuse a wrong directory at start and load later.
    /// </summary>
    /// <exception cref="JurisdictionDataException">a file is missing or too large; the message names it.</exception>
    public static void CheckFiles(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        BoundaryFileReader.CheckPresent(Path.Combine(directory, CountriesFileName));
        BoundaryFileReader.CheckPresent(Path.Combine(directory, SubdivisionsFileName));
    }

    public IReadOnlyCollection<string> CountryCodes { get; }

    /// <summary>The country and subdivision holding the point; null members where there is none (at sea, unclaimed land).</summary>
    /// <exception cref="ArgumentOutOfRangeException">a coordinate is NaN, infinite or out of range.</exception>
    public JurisdictionMatch Locate(double latitude, double longitude)
    {
        ValidateCoordinates(latitude, longitude);
        var country = _countries.Locate(longitude, latitude);
        if (country is null) return new JurisdictionMatch(null, null);
        var subdivision = _subdivisions.Locate(longitude, latitude);
        // The two data sets draw borders differently: near a border the subdivision found may belong to
        // the neighbour, and then the honest answer is "no subdivision", not a contradictory pair.
        var belongs = subdivision is not null && subdivision.Length > 3 && subdivision[2] == '-'
            && string.CompareOrdinal(subdivision, 0, country, 0, 2) == 0;
        return new JurisdictionMatch(country, belongs ? subdivision : null);
    }

    /// <summary>Only the country at the point (ISO 3166-1 alpha-2), null where none: <see cref="Locate"/> without the subdivision lookup.</summary>
    /// <exception cref="ArgumentOutOfRangeException">a coordinate is NaN, infinite or out of range.</exception>
    public string? LocateCountry(double latitude, double longitude)
    {
        ValidateCoordinates(latitude, longitude);
        return _countries.Locate(longitude, latitude);
    }

    /// <summary>Approximate bytes of the two spatial indexes, beyond the boundary coordinates themselves.</summary>
    public long IndexBytes => _countries.IndexBytes + _subdivisions.IndexBytes;

    /// <summary>The boundary of a country ("ES") or subdivision ("ES-MD") as a fence for <see cref="GeofenceEvaluator"/>; null when the code is unknown.</summary>
    public PolygonFence? Region(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (_fences.TryGetValue(code, out var cached)) return cached;
        var region = Find(code);
        return region is null ? null : _fences.GetOrAdd(code, _ => FenceBuilder.Build(region));
    }

    /// <summary>
    /// Whether the disc of <paramref name="radiusMeters"/> around <paramref name="center"/> lies wholly inside the country
    /// or subdivision: the answer <see cref="GeofenceEvaluator"/> gives as Inside for <see cref="Region"/>(code), found from
    /// the index (only the region's edges near the point are measured; the whole region only near a pole or the antimeridian).
    /// Null when the code is unknown. Assumes, as the data guarantees, that a region's own polygons do not overlap.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">the radius is NaN, infinite or negative.</exception>
    public bool? DiscWhollyInside(string code, GeoPoint center, double radiusMeters)
    {
        ArgumentNullException.ThrowIfNull(code);
        var set = _countries.IndexOf(code) >= 0 ? _countries : _subdivisions;
        var region = set.IndexOf(code);
        if (region < 0) return null;
        return DiscContainment.WhollyInside(set, region, center, radiusMeters, () => Region(code)!);
    }

    /// <summary>The English name of a country or subdivision; null when the code is unknown.</summary>
    public string? Name(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Find(code)?.Name;
    }

    internal RegionSet Countries => _countries;
    internal RegionSet Subdivisions => _subdivisions;

    private BoundaryRegion? Find(string code) => _countries.Find(code) ?? _subdivisions.Find(code);

    internal static void ValidateCoordinates(double latitude, double longitude)
    {
        if (!double.IsFinite(latitude) || latitude is < -90 or > 90)
            throw new ArgumentOutOfRangeException(nameof(latitude), latitude, "latitude must be a finite number in [-90, 90] degrees");
        if (!double.IsFinite(longitude) || longitude is < -180 or > 180)
            throw new ArgumentOutOfRangeException(nameof(longitude), longitude, "longitude must be a finite number in [-180, 180] degrees");
    }
}
