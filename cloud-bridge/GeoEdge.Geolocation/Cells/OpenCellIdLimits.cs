namespace GeoEdge.Geolocation;

/// <summary>
/// Bounds for reading an OpenCellID/MLS CSV file, so that a corrupt or hostile file costs bounded
/// memory per line and cannot smuggle absurd values into the database.
/// </summary>
public sealed record OpenCellIdLimits
{
    /// <summary>A real row is under 120 characters; anything longer than this is not a row.</summary>
    public int MaxLineLength { get; init; } = 1024;

    /// <summary>
    /// Largest accepted "range" (meters). GSM timing advance reaches 35 km (120 km extended); an
    /// estimate beyond that says the samples are garbage, and as a radius it would be meaningless.
    /// </summary>
    public int MaxRangeMeters { get; init; } = 150_000;

    /// <summary>Largest accepted LAC/TAC/NID: 24 bits (5G TAC); LTE TAC and GSM/UMTS LAC are 16 bits.</summary>
    public long MaxArea { get; init; } = 0xFF_FFFF;

    /// <summary>Latest accepted "created"/"updated" time; later means a broken clock or a broken file.</summary>
    public DateTimeOffset LatestTimestamp { get; init; } = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static OpenCellIdLimits Default { get; } = new();
}
