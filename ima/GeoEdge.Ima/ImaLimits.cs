namespace GeoEdge.Ima;

/// <summary>
/// Bounds on what a measurement list from outside may make us allocate. The defaults hold any real list (a busy
/// server has tens of thousands of entries; an ima-buf key certificate is a few KiB) with a wide margin.
/// </summary>
public sealed record ImaLimits
{
    public static ImaLimits Default { get; } = new();

    public int MaxEntries { get; init; } = 1_000_000;

    /// <summary>An ASCII line carries template data in hex, so it is about twice the largest template data.</summary>
    public int MaxLineBytes { get; init; } = 2 * 64 * 1024 + 8 * 1024;

    public int MaxTemplateDataBytes { get; init; } = 64 * 1024;

    public long MaxListBytes { get; init; } = 256L * 1024 * 1024;
}
