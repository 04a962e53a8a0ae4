namespace GeoEdge.Jurisdictions;

/// <summary>A boundary file is missing or was rejected. <see cref="FilePath"/> names it; the message says what was wrong.</summary>
public sealed class JurisdictionDataException : Exception
{
    public string FilePath { get; }

    /// <summary>What was wrong with the file, without its path.</summary>
    public string Problem { get; }

    public JurisdictionDataException(string filePath, string problem, Exception? inner = null)
        : base($"{filePath}: {problem}", inner)
    {
        FilePath = filePath;
        Problem = problem;
    }
}
