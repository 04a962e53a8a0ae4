namespace GeoEdge.Wire.Messages;

/// <summary>
/// Trusted time for a result: an RFC 3161 token (DER) over the bridge's transparency-log tree head of
/// <see cref="TreeSize"/> entries, and the inclusion path of the EAR (entry <see cref="LeafIndex"/>) into that tree.
/// The bridge requests one token per batch of results rather than one per result. Saved as JSON, it is what
/// `geoedge verify --timestamp` reads (docs/timestamping.md); the stamped bytes are the tree's TreeHeadDataV2
/// with the timestamp field zero.
/// </summary>
public sealed record TimestampEvidence
{
    public required long LeafIndex { get; init; }
    public required long TreeSize { get; init; }
    public required IReadOnlyList<byte[]> InclusionPath { get; init; }
    public required byte[] Token { get; init; }
}
