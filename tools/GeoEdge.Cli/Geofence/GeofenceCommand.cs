using System.Globalization;
using System.Text;
using System.Text.Json;
using GeoEdge.Jurisdictions;

namespace GeoEdge.Cli.Geofence;

/// <summary>`geoedge geofence locate LAT LON`: which country and subdivision a point is in (docs/jurisdictions.md).</summary>
public static class GeofenceCommand
{
    public const string Usage = """
        usage: geoedge geofence locate LAT LON [--json] [--boundaries DIR]

          locate    the ISO 3166-1 country and ISO 3166-2 subdivision holding the point (null at sea),
                    with their names. LAT and LON in decimal degrees (WGS-84).
          --json    one JSON object: {"country":"ES","countryName":"Spain","subdivision":"ES-MD","subdivisionName":"..."}
          --boundaries DIR  directory with countries.geojson and subdivisions.geojson
                    (default: $GEOEDGE_BOUNDARIES, else artifacts/boundaries; scripts/fetch-boundaries.sh fills it)
        Exit status: 0 located (even at sea), 1 boundary data missing or bad, 2 bad arguments.
        """;

    public static int Run(string[] args)
    {
        if (args.Length == 0 || args[0] != "locate")
            throw new ArgumentException($"expected 'locate'\n{Usage}");
        var json = false;
        string? boundaries = null;
        var positional = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--json": json = true; break;
                case "--boundaries" when i + 1 < args.Length: boundaries = args[++i]; break;
                case "--boundaries": throw new ArgumentException("--boundaries needs a directory");
                default: positional.Add(args[i]); break;
            }
        }
        if (positional.Count != 2) throw new ArgumentException($"locate takes LAT LON, got {positional.Count} values\n{Usage}");
        var latitude = Coordinate(positional[0], "latitude", 90);
        var longitude = Coordinate(positional[1], "longitude", 180);

        JurisdictionAtlas atlas;
        try
        {
            atlas = JurisdictionAtlas.Load(boundaries ?? JurisdictionAtlas.DefaultDirectory);
        }
        catch (JurisdictionDataException e)
        {
            Console.Error.WriteLine($"geoedge geofence: {e.Message}");
            return 1;
        }
        var match = atlas.Locate(latitude, longitude);
        Console.WriteLine(json ? Json(atlas, match) : Text(atlas, match));
        return 0;
    }

    private static double Coordinate(string text, string what, double limit)
    {
        // Allowed: plain decimal numbers. Refused: NaN, infinities, hex, thousands separators.
        if (!double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            throw new ArgumentException($"{what} '{text}' is not a decimal number of degrees");
        if (Math.Abs(value) > limit)
            throw new ArgumentException($"{what} {text} is out of range [-{limit}, {limit}]");
        return value;
    }

    private static string Text(JurisdictionAtlas atlas, JurisdictionMatch match) =>
        match.Country is null
            ? "no country (at sea or unclaimed land)"
            : $"country {match.Country} ({atlas.Name(match.Country)})" +
              (match.Subdivision is null ? ", no subdivision" : $", subdivision {match.Subdivision} ({atlas.Name(match.Subdivision)})");

    private static string Json(JurisdictionAtlas atlas, JurisdictionMatch match)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            Code(writer, "country", match.Country, atlas);
            Code(writer, "subdivision", match.Subdivision, atlas);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Code(Utf8JsonWriter writer, string name, string? code, JurisdictionAtlas atlas)
    {
        if (code is null)
        {
            writer.WriteNull(name);
            writer.WriteNull(name + "Name");
            return;
        }
        writer.WriteString(name, code);
        writer.WriteString(name + "Name", atlas.Name(code));
    }
}
