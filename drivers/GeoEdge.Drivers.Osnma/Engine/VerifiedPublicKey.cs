using System.Security.Cryptography;
using GeoEdge.Drivers.Osnma.Trust;

namespace GeoEdge.Drivers.Osnma.Engine;

/// <summary>A public key the receiver trusts, with the DSM-PKR that proved it (null when it came as an anchor).</summary>
internal sealed class VerifiedPublicKey(OsnmaPublicKey key, ECDsa ecdsa, byte[]? dsmPkr) : IDisposable
{
    public OsnmaPublicKey Key { get; } = key;
    public ECDsa Ecdsa { get; } = ecdsa;
    public byte[]? DsmPkr { get; } = dsmPkr;

    public bool SameKey(OsnmaPublicKey other) =>
        other.Pkid == Key.Pkid && other.Type == Key.Type && other.Point.AsSpan().SequenceEqual(Key.Point);

    public void Dispose() => Ecdsa.Dispose();
}
