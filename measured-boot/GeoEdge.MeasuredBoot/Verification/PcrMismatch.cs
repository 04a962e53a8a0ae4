namespace GeoEdge.MeasuredBoot;

/// <summary>
/// A quoted PCR the log does not replay to. <see cref="LastEventIndex"/> is the last event that extended it
/// (null when the log never touches it, so the replayed value is the PCR's reset value).
/// </summary>
public sealed record PcrMismatch(int Pcr, TpmHashAlgorithm Bank, byte[] Replayed, byte[] Quoted, int? LastEventIndex)
{
    public override string ToString() =>
        $"PCR {Pcr} ({Bank.Name()}): log replays to {Convert.ToHexStringLower(Replayed)}, the quote says {Convert.ToHexStringLower(Quoted)}" +
        (LastEventIndex is { } last ? $"; last extended by event {last}" : "; the log never extends it");
}
