using GeoEdge.Drivers.Osnma.Crypto;

namespace GeoEdge.Drivers.Osnma.Trust;

internal static class OsnmaKeyTypeNames
{
    /// <summary>GSC files write "ECDSA P-256/SHA-256" or "P-256/SHA-256" (and the P-521 equivalents).</summary>
    public static OsnmaKeyType Parse(string source, string? text) => text switch
    {
        not null when text.Contains("P-256", StringComparison.OrdinalIgnoreCase) => OsnmaKeyType.EcdsaP256,
        not null when text.Contains("P-521", StringComparison.OrdinalIgnoreCase) => OsnmaKeyType.EcdsaP521,
        _ => throw new OsnmaFormatException(source, $"PKType '{text}' is neither ECDSA P-256 nor P-521"),
    };
}
