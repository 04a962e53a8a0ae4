namespace GeoEdge.Drivers.Tpm;

/// <summary>TPM_ALG_ID values (TCG Algorithm Registry) the driver uses.</summary>
public enum TpmAlgorithm : ushort
{
    Rsa = 0x0001,
    Sha1 = 0x0004,
    Aes = 0x0006,
    Sha256 = 0x000b,
    Sha384 = 0x000c,
    Sha512 = 0x000d,
    Null = 0x0010,
    RsaSsa = 0x0014,
    Ecdsa = 0x0018,
    Ecc = 0x0023,
    Cfb = 0x0043,
}

internal static class TpmAlgorithmExtensions
{
    /// <summary>Digest size of a hash algorithm; refuses anything that is not a PCR bank hash.</summary>
    public static int DigestSize(this TpmAlgorithm bank) => bank switch
    {
        TpmAlgorithm.Sha1 => 20,
        TpmAlgorithm.Sha256 => 32,
        TpmAlgorithm.Sha384 => 48,
        TpmAlgorithm.Sha512 => 64,
        _ => throw new ArgumentOutOfRangeException(nameof(bank), bank, "not a hash algorithm of a PCR bank"),
    };
}
