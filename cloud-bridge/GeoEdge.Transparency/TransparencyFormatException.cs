namespace GeoEdge.Transparency;

/// <summary>A tree head or proof document was refused; <see cref="Member"/> is the JSON path at fault, e.g. "inclusionPath[3]".</summary>
public sealed class TransparencyFormatException(string member, string problem, Exception? inner = null)
    : Exception($"{member}: {problem}", inner)
{
    public string Member { get; } = member;
}
