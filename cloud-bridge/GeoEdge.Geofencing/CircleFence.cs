namespace GeoEdge.Geofencing;

/// <summary>All points whose great-circle distance from <see cref="Center"/> is below <see cref="RadiusMeters"/>.</summary>
public sealed record CircleFence : GeoFence
{
    public GeoPoint Center { get; }
    public double RadiusMeters { get; }

    /// <exception cref="ArgumentOutOfRangeException">the radius is not finite, not positive, or larger than half the Earth's circumference.</exception>
    public CircleFence(GeoPoint center, double radiusMeters)
    {
        // Beyond half the circumference the "circle" would wrap around and cover the globe twice.
        if (!double.IsFinite(radiusMeters) || radiusMeters <= 0 || radiusMeters > Math.PI * Geodesy.Haversine.EarthRadiusMeters)
            throw new ArgumentOutOfRangeException(nameof(radiusMeters), radiusMeters, "radius must be a finite number of meters in (0, 20015086]");
        Center = center;
        RadiusMeters = radiusMeters;
    }
}
