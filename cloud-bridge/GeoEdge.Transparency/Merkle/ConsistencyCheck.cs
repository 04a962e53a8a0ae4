namespace GeoEdge.Transparency;

/// <summary>The outcome of RFC 9162 section 2.1.4.2 consistency verification; anything but <see cref="Valid"/> is a refusal.</summary>
public enum ConsistencyCheck
{
    Valid,
    /// <summary>Not 0 &lt; first &lt;= second.</summary>
    SizesOutOfOrder,
    /// <summary>A path element or root hash is not 32 bytes.</summary>
    MalformedHash,
    /// <summary>An empty path for different sizes (step 1), or a non-empty one for equal sizes.</summary>
    WrongPathForSizes,
    /// <summary>sn reached 0 with path elements left.</summary>
    PathTooLong,
    /// <summary>The path ran out before sn reached 0.</summary>
    PathTooShort,
    /// <summary>The path does not reproduce the first tree's root.</summary>
    FirstRootMismatch,
    /// <summary>The path does not reproduce the second tree's root.</summary>
    SecondRootMismatch,
}
