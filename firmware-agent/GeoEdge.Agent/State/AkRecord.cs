namespace GeoEdge.Agent.State;

/// <summary>
/// What the TPM returned when the AK was created. The creation ticket exists only at that moment,
/// so the certification of the AK's creation is made then and kept for every later enrollment.
/// </summary>
public sealed record AkRecord
{
    public required string Handle { get; init; }
    public required byte[] Public { get; init; }
    public required byte[] CreationData { get; init; }
    public required byte[] CreationAttest { get; init; }
    public required byte[] CreationSignature { get; init; }
}
