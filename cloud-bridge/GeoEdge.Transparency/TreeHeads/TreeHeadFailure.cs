namespace GeoEdge.Transparency;

/// <summary>Why a signed tree head was refused.</summary>
public enum TreeHeadFailure
{
    None,
    /// <summary>The document is not a tree head (bad JSON, a member missing or out of bounds).</summary>
    Malformed,
    /// <summary>No key in the trusted JWK Set has the tree head's kid.</summary>
    UnknownKid,
    /// <summary>The signature does not verify over the TreeHeadDataV2 bytes with that key.</summary>
    BadSignature,
}
