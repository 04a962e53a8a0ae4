namespace GeoEdge.Drivers.Osnma;

/// <summary>Public key types (DSM-PKR field NPKT, ICD table 5). 4 is the OSNMA alert message, not a key.</summary>
public enum OsnmaKeyType : byte
{
    EcdsaP256 = 1,
    EcdsaP521 = 3,
}

internal static class OsnmaKeyTypes
{
    public const int AlertMessage = 4;

    /// <summary>Compressed SEC1 point length in bytes (ICD table 6: 264 and 536 bits).</summary>
    public static int CompressedPointBytes(OsnmaKeyType type) => type switch
    {
        OsnmaKeyType.EcdsaP256 => 33,
        OsnmaKeyType.EcdsaP521 => 67,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>ECDSA signature length r||s in bytes (ICD table 15: 512 and 1056 bits).</summary>
    public static int SignatureBytes(OsnmaKeyType type) => type switch
    {
        OsnmaKeyType.EcdsaP256 => 64,
        OsnmaKeyType.EcdsaP521 => 132,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static bool TryFromNpkt(int npkt, out OsnmaKeyType type)
    {
        type = (OsnmaKeyType)npkt;
        return npkt is 1 or 3;
    }
}
