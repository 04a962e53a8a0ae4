namespace GeoEdge.Ima;

/// <summary>What appraisal made of one entry: a stable <see cref="Code"/> (<see cref="ImaFindingCodes"/>) and a detail for people.</summary>
public sealed record ImaEntryVerdict(ImaEntry Entry, bool Passed, string Code, string Detail)
{
    public override string ToString() => $"#{Entry.Index} {Entry.Path}: {(Passed ? "passed" : "FAILED")} {Code}: {Detail}";
}
