using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace GeoEdge.Jurisdictions.Data;

/// <summary>
/// Reads countries.geojson or subdivisions.geojson as scripts/boundaries/convert.js writes them: a
/// FeatureCollection of Features with properties {code, name[, country]} and a MultiPolygon geometry.
/// The file comes from outside the process, so it is checked as hostile input: bounded size and
/// position count, code syntax, unique codes, closed rings, finite in-range coordinates. Every problem
/// is a <see cref="JurisdictionDataException"/> naming the file and the feature.
/// </summary>
internal static partial class BoundaryFileReader
{
    /// <summary>The subdivisions file is about 26 MB; four times that leaves room for finer data.</summary>
    public const long MaxFileBytes = 128L * 1024 * 1024;
    public const int MaxPositions = 8_000_000;
    public const int MaxNameLength = 200;

    [GeneratedRegex("^[A-Z]{2}$")] private static partial Regex CountryCode();
    [GeneratedRegex("^[A-Z]{2}-[A-Z0-9]{1,3}$")] private static partial Regex SubdivisionCode();

    public static List<BoundaryRegion> ReadCountries(string path) => Read(path, subdivisions: false);

    public static List<BoundaryRegion> ReadSubdivisions(string path) => Read(path, subdivisions: true);

    private static List<BoundaryRegion> Read(string path, bool subdivisions)
    {
        var bytes = ReadBounded(path);
        try
        {
            return ReadFeatureCollection(path, bytes, subdivisions);
        }
        catch (JsonException e)
        {
            throw new JurisdictionDataException(path, $"not valid JSON (line {e.LineNumber + 1}): {e.Message}", e);
        }
    }

    /// <summary>
    /// Streams the top level and parses one Feature at a time. One JsonDocument for the whole file would
    /// rent its token table (about 100 MB for the subdivisions) from the shared array pool, which keeps it
    /// after the document is disposed: the process would carry it for as long as the atlas.
    /// </summary>
    private static List<BoundaryRegion> ReadFeatureCollection(string path, byte[] bytes, bool subdivisions)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 16 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw NotAFeatureCollection(path);
        List<BoundaryRegion>? regions = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isFeatures = reader.ValueTextEquals("features"u8);
            reader.Read();
            if (!isFeatures)
            {
                reader.Skip();
                continue;
            }
            if (reader.TokenType != JsonTokenType.StartArray || regions is not null) throw NotAFeatureCollection(path);
            regions = ReadFeatures(path, ref reader, subdivisions);
        }
        // Whatever follows the object must be nothing: reading on makes the reader refuse trailing content.
        while (reader.Read()) { }
        if (regions is null) throw NotAFeatureCollection(path);
        if (regions.Count == 0) throw new JurisdictionDataException(path, "the FeatureCollection has no features");
        return regions;
    }

    private static List<BoundaryRegion> ReadFeatures(string path, ref Utf8JsonReader reader, bool subdivisions)
    {
        var regions = new List<BoundaryRegion>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var positions = 0;
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var where = $"features[{index++}]";
            using var feature = JsonDocument.ParseValue(ref reader);
            var region = ReadFeature(path, where, feature.RootElement, subdivisions, ref positions);
            if (!codes.Add(region.Code))
                throw new JurisdictionDataException(path, $"{where}: code {region.Code} appears more than once");
            regions.Add(region);
        }
        return regions;
    }

    private static JurisdictionDataException NotAFeatureCollection(string path) =>
        new(path, "expected a GeoJSON FeatureCollection with a features array");

    /// <summary>The checks that need no parsing: the file exists and is within <see cref="MaxFileBytes"/>.</summary>
    public static void CheckPresent(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
            throw new JurisdictionDataException(path, "file not found; run scripts/fetch-boundaries.sh (or set GEOEDGE_BOUNDARIES to the directory holding countries.geojson and subdivisions.geojson)");
        if (info.Length > MaxFileBytes)
            throw new JurisdictionDataException(path, $"file is {info.Length} bytes, more than the {MaxFileBytes} allowed");
    }

    private static byte[] ReadBounded(string path)
    {
        CheckPresent(path);
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (IOException e)
        {
            throw new JurisdictionDataException(path, $"cannot be read: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new JurisdictionDataException(path, $"cannot be read: {e.Message}", e);
        }
    }

    private static BoundaryRegion ReadFeature(string path, string where, JsonElement feature, bool subdivision, ref int positions)
    {
        if (feature.ValueKind != JsonValueKind.Object || !feature.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
            throw new JurisdictionDataException(path, $"{where}: expected a Feature with properties");
        var code = RequiredString(path, where, properties, "code");
        var name = RequiredString(path, where, properties, "name");
        var valid = subdivision ? SubdivisionCode().IsMatch(code) : CountryCode().IsMatch(code);
        if (!valid)
            throw new JurisdictionDataException(path, $"{where}: code '{code}' is not an ISO 3166-{(subdivision ? "2" : "1 alpha-2")} code");
        if (name.Length is 0 or > MaxNameLength)
            throw new JurisdictionDataException(path, $"{where} ({code}): name must have 1 to {MaxNameLength} characters");
        if (!feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object
            || !geometry.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "MultiPolygon"
            || !geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
            throw new JurisdictionDataException(path, $"{where} ({code}): geometry must be a MultiPolygon");
        return new RingCollector(path, $"{where} ({code})").Collect(code, name, coordinates, ref positions);
    }

    private static string RequiredString(string path, string where, JsonElement properties, string name)
    {
        if (!properties.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
            throw new JurisdictionDataException(path, $"{where}: properties.{name} must be a string");
        return value.GetString()!;
    }

    /// <summary>Flattens a MultiPolygon's rings into the arrays of a <see cref="BoundaryRegion"/>.</summary>
    private sealed class RingCollector(string path, string where)
    {
        private readonly List<double> _lon = [];
        private readonly List<double> _lat = [];
        private readonly List<int> _ringStarts = [];
        private readonly List<int> _polygonStarts = [];

        public BoundaryRegion Collect(string code, string name, JsonElement multiPolygon, ref int positions)
        {
            if (multiPolygon.GetArrayLength() == 0) throw Problem("the MultiPolygon has no polygons");
            foreach (var polygon in multiPolygon.EnumerateArray())
            {
                if (polygon.ValueKind != JsonValueKind.Array || polygon.GetArrayLength() == 0) throw Problem("a polygon must be a non-empty array of rings");
                _polygonStarts.Add(_ringStarts.Count);
                foreach (var ring in polygon.EnumerateArray())
                    ReadRing(ring, ref positions);
            }
            _polygonStarts.Add(_ringStarts.Count);
            _ringStarts.Add(_lon.Count);
            return new BoundaryRegion
            {
                Code = code, Name = name, Lon = [.. _lon], Lat = [.. _lat],
                RingStarts = [.. _ringStarts], PolygonStarts = [.. _polygonStarts],
            };
        }

        private void ReadRing(JsonElement ring, ref int positions)
        {
            if (ring.ValueKind != JsonValueKind.Array || ring.GetArrayLength() < 4) throw Problem("a ring needs at least 4 positions");
            var start = _lon.Count;
            _ringStarts.Add(start);
            foreach (var position in ring.EnumerateArray())
            {
                if (++positions > MaxPositions) throw Problem($"more than {MaxPositions} positions in the file");
                if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2
                    || position[0].ValueKind != JsonValueKind.Number || position[1].ValueKind != JsonValueKind.Number
                    || !position[0].TryGetDouble(out var lon) || !position[1].TryGetDouble(out var lat))
                    throw Problem($"position {_lon.Count - start} of a ring is not [longitude, latitude]");
                if (!double.IsFinite(lon) || lon is < -180 or > 180 || !double.IsFinite(lat) || lat is < -90 or > 90)
                    throw Problem(string.Create(CultureInfo.InvariantCulture, $"position [{lon}, {lat}] is out of range"));
                _lon.Add(lon);
                _lat.Add(lat);
            }
            if (_lon[start] != _lon[^1] || _lat[start] != _lat[^1]) throw Problem("a ring is not closed");
        }

        private JurisdictionDataException Problem(string problem) => new(path, $"{where}: {problem}");
    }
}
