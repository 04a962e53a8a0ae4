using GeoEdge.Drivers.Osnma.Crypto;
using GeoEdge.Drivers.Osnma.Messages;

namespace GeoEdge.Drivers.Osnma;

/// <summary>The four sibling nodes (32 bytes each, leaf level first) from a public key's Merkle leaf to the root.</summary>
public sealed record OsnmaMerklePath(int LeafIndex, IReadOnlyList<byte[]> Siblings)
{
    /// <summary>Whether the leaf NPKT || NPKID || point climbs to <paramref name="root"/> along this path.</summary>
    public bool Proves(OsnmaPublicKey key, ReadOnlySpan<byte> root)
    {
        if (LeafIndex is < 0 or > 15 || Siblings.Count != 4 || Siblings.Any(s => s.Length != 32)) return false;
        var leaf = new byte[1 + key.Point.Length];
        leaf[0] = (byte)(((int)key.Type << 4) | (key.Pkid & 0xF));
        key.Point.CopyTo(leaf, 1);
        var computed = DsmPkr.MerkleRootFrom(leaf, LeafIndex, Siblings.SelectMany(s => s).ToArray());
        return computed.AsSpan().SequenceEqual(root);
    }
}

/// <summary>An OSNMA ECDSA public key: its ID (PKID), curve, compressed SEC1 point, and optionally its Merkle path.</summary>
public sealed record OsnmaPublicKey(int Pkid, OsnmaKeyType Type, byte[] Point, OsnmaMerklePath? Path = null)
{
    /// <summary>Checks ranges and that the point decompresses onto its curve; throws <see cref="OsnmaFormatException"/> otherwise.</summary>
    public void Validate(string source)
    {
        if (Pkid is < 0 or > 15) throw new OsnmaFormatException(source, $"PKID {Pkid} is not 0..15");
        if (Type is not (OsnmaKeyType.EcdsaP256 or OsnmaKeyType.EcdsaP521)) throw new OsnmaFormatException(source, $"key type {Type} is not ECDSA P-256 or P-521");
        try
        {
            using var key = OsnmaSignature.Import(Type, Point);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            throw new OsnmaFormatException(source, $"public key {Pkid} is not a valid compressed {Type} point: {e.Message}");
        }
    }
}
