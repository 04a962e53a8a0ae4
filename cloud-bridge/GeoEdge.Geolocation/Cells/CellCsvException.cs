namespace GeoEdge.Geolocation;

/// <summary>A line of an OpenCellID/MLS CSV file that cannot be a cell, with where and why.</summary>
public sealed class CellCsvException : Exception
{
    /// <summary>1-based physical line number in the file.</summary>
    public long Line { get; }

    /// <summary>The CSV column at fault ("lat", "mcc", ...), or "line" for the shape of the line itself.</summary>
    public string Field { get; }

    public CellCsvException(long line, string field, string problem)
        : base($"cell CSV line {line}, field '{field}': {problem}")
    {
        Line = line;
        Field = field;
    }
}
