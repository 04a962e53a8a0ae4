using System.Security.Cryptography;

namespace GeoEdge.Ear;

/// <summary>
/// A P-256 public key as a JWK (RFC 7518 section 6.2), the only kind EAR verification accepts.
/// <see cref="Kid"/> is the key id given in the JWK Set, or the RFC 7638 thumbprint when none was.
/// Immutable and thread-safe.
/// </summary>
public sealed class EcPublicJwk
{
    public const string Curve = "P-256";
    public const int CoordinateBytes = 32;

    private readonly byte[] _x;
    private readonly byte[] _y;

    public string Kid { get; }
    public string Thumbprint { get; }
    public string X { get; }
    public string Y { get; }

    /// <exception cref="ArgumentException">a coordinate is not 32 bytes, or the point is not on P-256.</exception>
    public EcPublicJwk(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y, string? kid = null)
    {
        if (x.Length != CoordinateBytes || y.Length != CoordinateBytes)
            throw new ArgumentException($"P-256 coordinates are {CoordinateBytes} bytes each, got x={x.Length} y={y.Length}");
        _x = x.ToArray();
        _y = y.ToArray();
        // Importing makes the platform check the point is on the curve; an off-curve "key" is refused here, not at first use.
        try
        {
            using var probe = CreateVerifier();
        }
        catch (CryptographicException e)
        {
            throw new ArgumentException("the point (x, y) is not a valid P-256 public key", e);
        }
        X = Base64UrlStrict.Encode(_x);
        Y = Base64UrlStrict.Encode(_y);
        Thumbprint = JwkThumbprint.OfEcKey(Curve, X, Y);
        if (kid is not null && kid.Length == 0) throw new ArgumentException("kid must not be empty", nameof(kid));
        Kid = kid ?? Thumbprint;
    }

    /// <summary>Verifies an ES256 signature in JWS form (R || S, 64 bytes).</summary>
    public bool VerifyEs256(ReadOnlySpan<byte> signingInput, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != 2 * CoordinateBytes) return false;
        // A fresh ECDsa per call: instances are not documented as thread-safe, and import is cheap.
        using var ecdsa = CreateVerifier();
        return ecdsa.VerifyData(signingInput, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    internal static EcPublicJwk FromParameters(ECParameters parameters, string? kid = null) =>
        new(parameters.Q.X, parameters.Q.Y, kid);

    private ECDsa CreateVerifier() => ECDsa.Create(new ECParameters
    {
        Curve = ECCurve.NamedCurves.nistP256,
        Q = new ECPoint { X = _x, Y = _y },
    });
}
