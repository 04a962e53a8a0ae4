namespace GeoEdge.Drivers.Osnma.Simulator;

/// <summary>NPKT, the type of a Merkle tree leaf / DSM-PKR (OSNMA SIS ICD 1.1 Table 5); the value is the field code.</summary>
public enum OsnmaPublicKeyType
{
    EcdsaP256 = 1,
    EcdsaP521 = 3,
    /// <summary>OSNMA Alert Message: a leaf that carries no key; verifying it tells the receiver to drop all keys.</summary>
    AlertMessage = 4,
}

public static class OsnmaPublicKeyTypes
{
    /// <summary>NPK length (Table 6): SEC1 compressed points, 33 and 67 bytes.</summary>
    public static int PublicKeyBytes(OsnmaPublicKeyType type) => type switch
    {
        OsnmaPublicKeyType.EcdsaP256 => 33,
        OsnmaPublicKeyType.EcdsaP521 => 67,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "an alert message carries no public key"),
    };

    /// <summary>DS length (Table 15): r || s, 2 x 32 and 2 x 66 bytes.</summary>
    public static int SignatureBytes(OsnmaPublicKeyType type) => type switch
    {
        OsnmaPublicKeyType.EcdsaP256 => 64,
        OsnmaPublicKeyType.EcdsaP521 => 132,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "an alert message signs nothing"),
    };

    /// <summary>The PKType text of the official key and Merkle tree XML files.</summary>
    public static string XmlName(OsnmaPublicKeyType type) => type switch
    {
        OsnmaPublicKeyType.EcdsaP256 => "ECDSA P-256/SHA-256",
        OsnmaPublicKeyType.EcdsaP521 => "ECDSA P-521/SHA-512",
        OsnmaPublicKeyType.AlertMessage => "OSNMA Alert Message",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
