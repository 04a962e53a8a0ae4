namespace GeoEdge.MeasuredBoot;

/// <summary>
/// One way a boot did not meet its policy. <see cref="Code"/> is one of <see cref="BootFindingCodes"/>;
/// <see cref="Detail"/> names the event (index, type, PCR), what was found and what was expected.
/// </summary>
public sealed record BootFinding(string Code, string Detail, int? EventIndex, int? Pcr)
{
    public override string ToString() => $"{Code}: {Detail}";
}
