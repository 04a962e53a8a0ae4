using GeoEdge.Geofencing;
using GeoEdge.Geofencing.Geodesy;

namespace GeoEdge.Bridge.ResultSigning;

/// <summary>A box (south, west, north, east; west &gt; east crosses the antimeridian) revealed instead of the point.</summary>
public sealed record DisclosedBox(double South, double West, double North, double East);

/// <summary>A circle revealed instead of the point.</summary>
public sealed record DisclosedCircle(double Latitude, double Longitude, double RadiusMeters);

/// <summary>
/// The areas that bounding-box and circle disclosure reveal. Both are snapped to a fixed grid whose cells
/// are the disclosure's size, so the area says which cells the location disc touches and nothing about
/// where in them the point is: two points in the same cell with the same disc get the same answer. The
/// area always contains the whole disc, so a coarse area never claims more precision than GL has.
/// </summary>
public static class AreaSnapping
{
    private const double MetersPerDegree = Haversine.EarthRadiusMeters * Math.PI / 180;

    /// <summary>The grid-aligned box, cells <paramref name="sizeMeters"/> tall, covering the disc.</summary>
    public static DisclosedBox Box(GeoPoint point, double uncertaintyMeters, double sizeMeters)
    {
        var rowDegrees = Math.Min(180, sizeMeters / MetersPerDegree);
        var reach = uncertaintyMeters / MetersPerDegree;
        var south = Math.Max(-90, Math.Floor((point.Latitude - reach + 90) / rowDegrees) * rowDegrees - 90);
        var north = Math.Min(90, Math.Ceiling((point.Latitude + reach + 90) / rowDegrees) * rowDegrees - 90);
        if (north <= south) north = Math.Min(90, south + rowDegrees);

        // Columns are as wide in meters as rows are tall where the box is widest in degrees (its edge farthest
        // from the equator), rounded so that a whole number of them fills the 360 degrees: the grid has no seam.
        var poleward = Math.Max(Math.Abs(south), Math.Abs(north));
        var cos = Math.Cos(poleward * Math.PI / 180);
        var columnDegrees = cos < 1e-9 ? 360 : Math.Min(360, rowDegrees / cos);
        columnDegrees = 360 / Math.Max(1, Math.Floor(360 / columnDegrees));
        var halfWidth = cos < 1e-9 ? 360 : reach / cos;
        var west = Math.Floor((point.Longitude - halfWidth + 180) / columnDegrees) * columnDegrees - 180;
        var east = Math.Ceiling((point.Longitude + halfWidth + 180) / columnDegrees) * columnDegrees - 180;
        if (east <= west) east = west + columnDegrees;
        if (east - west >= 360 - 1e-9) return new DisclosedBox(south, -180, north, 180);
        if (west < -180) west += 360;
        if (east > 180) east -= 360;
        return new DisclosedBox(Round(south), Round(west), Round(north), Round(east));
    }

    /// <summary>
    /// A circle around the centre of the grid cell (cells of <paramref name="radiusMeters"/>) holding the point,
    /// its radius the smallest multiple of <paramref name="radiusMeters"/> that covers the disc.
    /// </summary>
    public static DisclosedCircle Circle(GeoPoint point, double uncertaintyMeters, double radiusMeters)
    {
        var cell = Box(point, 0, radiusMeters);
        var lat = (cell.South + cell.North) / 2;
        var width = cell.East >= cell.West ? cell.East - cell.West : cell.East + 360 - cell.West;
        var lon = cell.West + width / 2;
        if (lon > 180) lon -= 360;
        var reach = Haversine.DistanceMeters(new GeoPoint(lat, lon), point) + uncertaintyMeters;
        var radius = Math.Max(1, Math.Ceiling(reach / radiusMeters)) * radiusMeters;
        return new DisclosedCircle(Round(lat), Round(lon), radius);
    }

    /// <summary>The smallest disc around the box's centre holding the box (for the plain latitude/longitude/uncertainty fields).</summary>
    public static DisclosedCircle Enclosing(DisclosedBox box)
    {
        var width = box.East >= box.West ? box.East - box.West : box.East + 360 - box.West;
        var lon = box.West + width / 2;
        if (lon > 180) lon -= 360;
        var center = new GeoPoint((box.South + box.North) / 2, lon);
        var radius = new[] { box.South, box.North }
            // Corners and edge midpoints: on a sphere a box's farthest point from its centre is one of them.
            .SelectMany(lat => new[] { box.West, box.East, center.Longitude }.Select(l => Haversine.DistanceMeters(center, new GeoPoint(lat, l))))
            .Max();
        return new DisclosedCircle(center.Latitude, center.Longitude, Math.Ceiling(radius));
    }

    // Grid values are exact multiples in theory; rounding drops the floating-point tails (9 decimals is 0.1 mm).
    private static double Round(double degrees) => Math.Round(degrees, 9);
}
