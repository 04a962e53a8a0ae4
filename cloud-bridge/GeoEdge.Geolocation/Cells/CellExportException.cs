namespace GeoEdge.Geolocation;

/// <summary>A cell export file that cannot be read as a whole (unreadable, broken or truncated gzip), naming it.</summary>
public sealed class CellExportException(string path, string problem) : IOException($"cell export '{path}': {problem}")
{
    public string Path { get; } = path;
}
