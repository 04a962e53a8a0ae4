namespace GeoEdge.Transparency;

/// <summary>Why an offline inclusion proof was refused.</summary>
public enum InclusionFailure
{
    None,
    /// <summary>The proof document could not be read; the detail names the member.</summary>
    MalformedDocument,
    /// <summary>The tree head's kid is not in the trusted key set.</summary>
    UnknownKid,
    /// <summary>The tree head's signature does not verify.</summary>
    BadSignature,
    /// <summary>The proof's treeSize is not the signed tree head's, or the index is not inside the tree.</summary>
    SizesInconsistent,
    /// <summary>The entry's leaf hash is not the one the proof was issued for.</summary>
    WrongLeaf,
    /// <summary>The inclusion path has the wrong length, or does not lead from the leaf to the signed root.</summary>
    PathDoesNotReachRoot,
}
