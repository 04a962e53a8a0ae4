namespace GeoEdge.Wire.Readings;

/// <summary>How the reading validators name a field that is wrong: its JSON path and, shortened, what it held.</summary>
internal static class ReadingFieldError
{
    public static WireFormatException Invalid(string path, string problem) => new($"reading: {path}: {problem}");

    /// <summary>A hostile value is quoted in an error only up to 40 characters.</summary>
    public static string Shorten(string value) => value.Length > 40 ? value[..40] + "..." : value;
}
