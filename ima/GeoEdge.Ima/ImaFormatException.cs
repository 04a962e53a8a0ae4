namespace GeoEdge.Ima;

/// <summary>
/// A measurement list that cannot be read: says where (line of an ASCII list, entry index, byte offset of a binary
/// list) and what was wrong, so that a bad list from a host can be reported rather than half-accepted.
/// </summary>
public sealed class ImaFormatException : Exception
{
    public ImaFormatException(string problem, int? line = null, int? entry = null, long? offset = null)
        : base(Describe(problem, line, entry, offset))
    {
        Problem = problem;
        Line = line;
        Entry = entry;
        Offset = offset;
    }

    /// <summary>What was wrong, without the location.</summary>
    public string Problem { get; }

    /// <summary>1-based line of an ASCII list.</summary>
    public int? Line { get; }

    /// <summary>Index of the entry in the whole list (as <see cref="ImaEntry.Index"/>).</summary>
    public int? Entry { get; }

    /// <summary>Byte offset in the input where the bad entry (or line) starts.</summary>
    public long? Offset { get; }

    private static string Describe(string problem, int? line, int? entry, long? offset)
    {
        var where = new List<string>(3);
        if (line is { } l) where.Add($"line {l}");
        if (entry is { } e) where.Add($"entry {e}");
        if (offset is { } o) where.Add($"offset {o}");
        return where.Count == 0 ? problem : $"IMA list {string.Join(", ", where)}: {problem}";
    }
}
