namespace GeoEdge.Ima;

/// <summary>
/// One attestation cycle's IMA outcome. <see cref="Next"/> is where the next cycle starts: the state after the
/// accepted entries (unchanged when the replay failed).
/// </summary>
/// <param name="Accepted">How many of the new entries the quote covers; the rest must be sent again next cycle.</param>
/// <param name="Failures">The accepted entries that did not pass appraisal.</param>
/// <param name="ReplayError">Why the new entries could not be tied to the quoted PCR 10; null when they could.</param>
public sealed record ImaIncrementalResult(ImaPcrState Next, int Accepted, IReadOnlyList<ImaEntryVerdict> Failures, string? ReplayError)
{
    public bool Passed => ReplayError is null && Failures.Count == 0;
}
