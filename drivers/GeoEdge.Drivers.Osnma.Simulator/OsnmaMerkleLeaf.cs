namespace GeoEdge.Drivers.Osnma.Simulator;

/// <summary>
/// One Merkle tree leaf m_i = NPKT (4) || NPKID (4) || NPK (OSNMA SIS ICD 1.1 section 6.2): an ECDSA public key, or
/// the alert message (NPKT 4) whose NPK fills the rest of its DSM-PKR.
/// </summary>
public sealed record OsnmaMerkleLeaf(OsnmaPublicKeyType Type, int PublicKeyId, ReadOnlyMemory<byte> NewPublicKey)
{
    /// <summary>The OAM DSM-PKR length in blocks (13, NB_DP 7); its NPK is then 13 x 13 - 130 = 39 bytes and it has no padding.</summary>
    public const int AlertMessageBlocks = 13;
    public const int AlertMessageNpkBytes = AlertMessageBlocks * 13 - 130;

    public byte[] ToBytes()
    {
        if (PublicKeyId is < 0 or > 15) throw new ArgumentOutOfRangeException(nameof(PublicKeyId), PublicKeyId, "NPKID is 4 bits");
        var bytes = new byte[1 + NewPublicKey.Length];
        bytes[0] = (byte)(((int)Type << 4) | PublicKeyId);
        NewPublicKey.Span.CopyTo(bytes.AsSpan(1));
        return bytes;
    }

    public static OsnmaMerkleLeaf ForKey(OsnmaKeyPair key) => new(key.Type, key.PublicKeyId, key.CompressedPoint);

    /// <summary>The alert leaf. Its NPK content is not specified by the ICD; zeros are used.</summary>
    public static OsnmaMerkleLeaf AlertMessage(int publicKeyId) =>
        new(OsnmaPublicKeyType.AlertMessage, publicKeyId, new byte[AlertMessageNpkBytes]);
}
