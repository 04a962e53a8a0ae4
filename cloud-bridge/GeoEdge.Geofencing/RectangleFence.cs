namespace GeoEdge.Geofencing;

/// <summary>
/// A latitude/longitude box: every point with South &lt;= latitude &lt;= North whose longitude lies in the
/// range that runs eastwards from West to East. West greater than East means the box crosses the
/// antimeridian (West 170, East -170 is the 20 degrees around 180). Its edges are straight in
/// longitude/latitude space, as GeoJSON polygon edges are.
/// </summary>
public sealed record RectangleFence : GeoFence
{
    public double South { get; }
    public double West { get; }
    public double North { get; }
    public double East { get; }

    /// <exception cref="ArgumentOutOfRangeException">a bound is not finite or out of range, south is not below north, or west equals east.</exception>
    public RectangleFence(double south, double west, double north, double east)
    {
        CheckRange(south, -90, 90, nameof(south));
        CheckRange(north, -90, 90, nameof(north));
        CheckRange(west, -180, 180, nameof(west));
        CheckRange(east, -180, 180, nameof(east));
        if (south >= north) throw new ArgumentOutOfRangeException(nameof(south), south, "south must be below north");
        // West == East is either empty or the whole parallel; neither is a fence anyone means.
        if (west == east) throw new ArgumentOutOfRangeException(nameof(east), east, "west and east must differ");
        (South, West, North, East) = (south, west, north, east);
    }

    /// <summary>Whether the box runs across the antimeridian.</summary>
    public bool CrossesAntimeridian => West > East;

    /// <summary>Width in degrees of longitude, eastwards from West to East.</summary>
    public double WidthDegrees => CrossesAntimeridian ? East + 360 - West : East - West;

    public bool ContainsLongitude(double longitude) =>
        CrossesAntimeridian ? longitude >= West || longitude <= East : longitude >= West && longitude <= East;

    private static void CheckRange(double value, double min, double max, string name)
    {
        if (!double.IsFinite(value) || value < min || value > max)
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number in [{min}, {max}] degrees");
    }
}
