namespace GeoEdge.Drivers.Gnss.Galileo;

/// <summary>A recording of Galileo pages (test-vector CSV, UBX capture) that cannot be read, and why.</summary>
public sealed class GalileoRecordingException(string source, string problem)
    : Exception($"{source}: {problem}")
{
    public string RecordingName { get; } = source;
    public string Problem { get; } = problem;
}
