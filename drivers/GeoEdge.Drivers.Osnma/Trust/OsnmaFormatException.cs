namespace GeoEdge.Drivers.Osnma;

/// <summary>A trust-anchor or state file that is not what it claims to be; says which file and what is wrong.</summary>
public sealed class OsnmaFormatException(string source, string problem)
    : Exception($"{source}: {problem}")
{
    public string FileName { get; } = source;
    public string Problem { get; } = problem;
}
