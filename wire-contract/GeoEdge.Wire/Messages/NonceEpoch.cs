namespace GeoEdge.Wire.Messages;

/// <summary>
/// Bridge -> all agents (retained): the current freshness epoch. A reading carries the epoch it was
/// made in; the bridge accepts only the current and the previous one, so a reading recorded and
/// replayed later than two epochs is refused even if its sequence number was never seen.
/// </summary>
public sealed record NonceEpoch
{
    public required string Epoch { get; init; }
    public required DateTimeOffset IssuedAt { get; init; }
    public required int ValidSeconds { get; init; }
}
