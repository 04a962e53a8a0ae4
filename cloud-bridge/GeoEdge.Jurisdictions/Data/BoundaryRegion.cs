namespace GeoEdge.Jurisdictions.Data;

/// <summary>
/// One country or subdivision as loaded: its code, name and rings. Coordinates are kept flat
/// (longitude and latitude arrays, rings back to back, each closed) because the index and the
/// point-in-polygon tests walk them millions of times and an array of doubles is both the most
/// compact and the fastest form to walk.
/// </summary>
internal sealed class BoundaryRegion
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    /// <summary>Longitudes of every ring's positions, rings back to back.</summary>
    public required double[] Lon { get; init; }
    public required double[] Lat { get; init; }
    /// <summary>Start of each ring in <see cref="Lon"/>/<see cref="Lat"/>, plus one final entry equal to the length.</summary>
    public required int[] RingStarts { get; init; }
    /// <summary>For each polygon, the index of its exterior ring in <see cref="RingStarts"/>; its holes follow it. One final entry equal to the ring count.</summary>
    public required int[] PolygonStarts { get; init; }

    public int RingCount => RingStarts.Length - 1;
    public int PolygonCount => PolygonStarts.Length - 1;

    /// <summary>Even-odd over all rings: inside an exterior and in none of its holes. Polygons of one region do not overlap in the data.</summary>
    public bool Contains(double lon, double lat)
    {
        var inside = false;
        for (var r = 0; r < RingCount; r++)
        {
            var end = RingStarts[r + 1];
            for (int i = RingStarts[r] + 1; i < end; i++)
            {
                double ay = Lat[i - 1], by = Lat[i];
                if ((ay > lat) == (by > lat)) continue;
                var crossingLon = Lon[i - 1] + (lat - ay) * (Lon[i] - Lon[i - 1]) / (by - ay);
                if (lon < crossingLon) inside = !inside;
            }
        }
        return inside;
    }
}
