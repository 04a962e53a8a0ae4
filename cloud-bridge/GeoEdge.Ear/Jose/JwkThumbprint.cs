using System.Security.Cryptography;
using System.Text;

namespace GeoEdge.Ear;

/// <summary>RFC 7638 JWK thumbprint of an EC public key: base64url(SHA-256 of {"crv","kty","x","y"} with no whitespace, members in that order).</summary>
public static class JwkThumbprint
{
    public static string OfEcKey(string crv, string x, string y)
    {
        // All four values are base64url or fixed ASCII, so no JSON escaping can ever be needed.
        var canonical = $$"""{"crv":"{{crv}}","kty":"EC","x":"{{x}}","y":"{{y}}"}""";
        return Base64UrlStrict.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
