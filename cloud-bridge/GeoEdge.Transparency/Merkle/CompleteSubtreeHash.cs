namespace GeoEdge.Transparency;

/// <summary>
/// The hash of a complete subtree: MTH of the 2^<paramref name="level"/> leaves starting at leaf
/// <paramref name="index"/> * 2^level. Every range RFC 9162's recursive definitions hash is made of
/// a few of these, which is what lets a store answer proofs from stored nodes in O(log n).
/// </summary>
public delegate byte[] CompleteSubtreeHash(int level, long index);
