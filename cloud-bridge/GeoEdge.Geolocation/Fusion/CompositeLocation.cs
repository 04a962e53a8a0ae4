namespace GeoEdge.Geolocation;

/// <summary>
/// GL's answer: a position with its radius (null when no source gives one), the grade, how each source
/// related to it, and the findings that explain the grade.
/// </summary>
public sealed record CompositeLocation(
    double? Latitude,
    double? Longitude,
    double? RadiusMeters,
    LocationGrade Grade,
    IReadOnlyList<SourceAgreement> Sources,
    IReadOnlyList<FusionFinding> Findings)
{
    public bool Has(string findingCode) => Findings.Any(f => f.Code == findingCode);

    public AgreementState StateOf(LocationSource source) =>
        Sources.FirstOrDefault(s => s.Source == source)?.State ?? AgreementState.Absent;
}
