namespace GeoEdge.Transparency;

/// <summary>Entry <see cref="Index"/> of the log: the bytes appended and their RFC 9162 leaf hash.</summary>
public sealed record LogEntry(long Index, byte[] Entry, byte[] LeafHash, DateTimeOffset AppendedAt);

/// <summary>PATH(LeafIndex, D[0:TreeSize]).</summary>
public sealed record InclusionProof(long LeafIndex, long TreeSize, IReadOnlyList<byte[]> Path);

/// <summary>PROOF(First, D[0:Second]).</summary>
public sealed record ConsistencyProof(long First, long Second, IReadOnlyList<byte[]> Path);
