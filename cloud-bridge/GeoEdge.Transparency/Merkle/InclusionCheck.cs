namespace GeoEdge.Transparency;

/// <summary>The outcome of RFC 9162 section 2.1.3.2 inclusion verification; anything but <see cref="Valid"/> is a refusal.</summary>
public enum InclusionCheck
{
    Valid,
    /// <summary>leaf_index &gt;= tree_size (or negative): no such leaf.</summary>
    IndexOutOfRange,
    /// <summary>A leaf, path or root hash is not 32 bytes.</summary>
    MalformedHash,
    /// <summary>sn reached 0 with path elements left: the path is too long for this index and size.</summary>
    PathTooLong,
    /// <summary>The path ran out before sn reached 0.</summary>
    PathTooShort,
    /// <summary>The path has the right shape but does not lead to the root hash.</summary>
    RootMismatch,
}
