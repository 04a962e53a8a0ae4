namespace GeoEdge.MeasuredBoot;

/// <summary>
/// The outcome of <see cref="EventLogVerification.Verify"/>. <see cref="ExitBootServicesWorkaround"/> is true
/// when PCR 5 only matched once the two Exit Boot Services actions the firmware measured but did not log
/// were added.
/// </summary>
public sealed record LogVerification(IReadOnlyList<PcrMismatch> Mismatches, bool ExitBootServicesWorkaround)
{
    public bool Matches => Mismatches.Count == 0;
}
