namespace GeoEdge.Jurisdictions;

/// <summary>A boundary file is missing or was rejected. <see cref="FilePath"/> names it; the message says what was wrong.</summary>
public sealed class JurisdictionDataException : Exception
{
    public string FilePath { get; }

    public JurisdictionDataException(string filePath, string problem, Exception? inner = null)
        : base($"{filePath}: {problem}", inner)
    {
        FilePath = filePath;
    }
}
