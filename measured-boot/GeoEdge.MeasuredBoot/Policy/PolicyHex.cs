namespace GeoEdge.MeasuredBoot;

/// <summary>Hex strings in policies: even length, hex digits only, an optional "0x" prefix.</summary>
internal static class PolicyHex
{
    public static byte[] Parse(string hex, string field)
    {
        var digits = hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex[2..] : hex;
        if (digits.Length == 0 || digits.Length % 2 != 0 || !digits.All(Uri.IsHexDigit))
            throw new BootPolicyException(field, $"'{PolicyDigest.Shorten(hex)}' is not an even number of hex digits");
        return Convert.FromHexString(digits);
    }

    /// <summary>A SHA-256 key fingerprint: 64 hex digits, returned lower-case.</summary>
    public static string Fingerprint(string hex, string field)
    {
        var bytes = Parse(hex, field);
        if (bytes.Length != 32) throw new BootPolicyException(field, $"a sha256 fingerprint has 32 bytes, not {bytes.Length}");
        return Convert.ToHexStringLower(bytes);
    }
}
