namespace GeoEdge.Geolocation;

/// <summary>Tolerances of <see cref="LocationFusion"/>. The defaults are documented in GRADES.md.</summary>
public sealed record FusionOptions
{
    /// <summary>Fastest plausible travel between two readings: 70 m/s = 252 km/h (high-speed rail, motorway).</summary>
    public double MaxSpeedMps { get; init; } = 70;

    /// <summary>
    /// Multiplier on a cell's range for the consistency check. OpenCellID's range is the spread of the
    /// places phones saw the cell from, which underestimates how far the cell actually serves.
    /// </summary>
    public double CellRangeFactor { get; init; } = 1.5;

    /// <summary>Floor for a cell's range: cells seen by one phone have a range of 0, which is no radius at all.</summary>
    public double MinCellRangeMeters { get; init; } = 500;

    /// <summary>Added to every consistency tolerance (geodesy, rounding, receiver optimism) before calling a contradiction.</summary>
    public double MarginMeters { get; init; } = 500;

    public static FusionOptions Default { get; } = new();

    /// <exception cref="ArgumentOutOfRangeException">a tolerance is not a finite number in its range.</exception>
    public void Validate()
    {
        Positive(MaxSpeedMps, nameof(MaxSpeedMps));
        Positive(CellRangeFactor, nameof(CellRangeFactor));
        if (CellRangeFactor < 1) throw new ArgumentOutOfRangeException(nameof(CellRangeFactor), CellRangeFactor, "a factor below 1 would shrink the cell's own range");
        NonNegative(MinCellRangeMeters, nameof(MinCellRangeMeters));
        NonNegative(MarginMeters, nameof(MarginMeters));
    }

    private static void Positive(double value, string name)
    {
        if (!double.IsFinite(value) || value <= 0) throw new ArgumentOutOfRangeException(name, value, "must be a finite number above 0");
    }

    private static void NonNegative(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0) throw new ArgumentOutOfRangeException(name, value, "must be a finite number, 0 or above");
    }
}
