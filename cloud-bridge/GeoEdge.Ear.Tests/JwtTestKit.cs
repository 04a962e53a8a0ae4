using System.Text;

namespace GeoEdge.Ear.Tests;

/// <summary>Token surgery for the failure tests: each helper makes exactly one thing wrong.</summary>
internal static class JwtTestKit
{
    public static string[] Parts(string jwt) => jwt.Split('.');

    public static string Json(string base64Url) => Encoding.UTF8.GetString(Decode(base64Url));

    public static byte[] Decode(string base64Url)
    {
        Assert.True(Base64UrlStrict.TryDecode(base64Url, out var bytes), $"test token part is not base64url: {base64Url}");
        return bytes;
    }

    public static string Encode(string text) => Base64UrlStrict.Encode(Encoding.UTF8.GetBytes(text));

    public static string WithHeader(string jwt, string headerJson)
    {
        var p = Parts(jwt);
        return $"{Encode(headerJson)}.{p[1]}.{p[2]}";
    }

    /// <summary>Signs arbitrary header and payload text with the key, bypassing the EAR model, to make tokens the model would never produce.</summary>
    public static string SignRaw(string headerJson, string payloadJson, EarSigningKey key)
    {
        var input = $"{Encode(headerJson)}.{Encode(payloadJson)}";
        return $"{input}.{Base64UrlStrict.Encode(key.SignEs256(Encoding.ASCII.GetBytes(input)))}";
    }
}
