using System.Buffers.Text;

namespace GeoEdge.Ear;

/// <summary>
/// base64url without padding (RFC 7515 section 2), decoded strictly: only the 64 alphabet
/// characters, no padding, no whitespace, and only the canonical encoding of the bytes. Otherwise
/// many different strings would decode to the same signature or key, which hides tampering.
/// </summary>
public static class Base64UrlStrict
{
    public static string Encode(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);

    public static bool TryDecode(ReadOnlySpan<char> text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length % 4 == 1) return false;
        foreach (var c in text)
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_') return false;
        try
        {
            bytes = Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            return false;
        }
        // Non-zero unused bits in the last character would make a second spelling of the same bytes.
        return text.SequenceEqual(Encode(bytes));
    }
}
