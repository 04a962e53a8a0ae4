namespace GeoEdge.Drivers.Osnma.Simulator;

/// <summary>
/// What a receiver is given out of band before it listens, in the GSC file formats: the Merkle tree (root and XML)
/// and the first public key (XML, like OSNMA_PublicKey.xml). A scenario with a new Merkle tree also gives that tree,
/// which the receiver would fetch when CPKS says NMT. A cold start uses only the tree; a warm start also the key.
/// </summary>
public sealed record OsnmaTrustAnchors(
    ReadOnlyMemory<byte> MerkleRoot,
    string MerkleTreeXml,
    string PublicKeyXml,
    int PublicKeyId,
    OsnmaPublicKeyType PublicKeyType,
    ReadOnlyMemory<byte> PublicKeyPoint,
    ReadOnlyMemory<byte>? NextMerkleRoot,
    string? NextMerkleTreeXml);
