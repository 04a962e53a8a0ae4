using GeoEdge.Wire.Tpm2;

namespace GeoEdge.Bridge.Verification;

/// <summary>PCR bank names as they travel on the wire ("sha256") and their TPM algorithm ids.</summary>
public static class PcrBanks
{
    public static TpmAlgId? FromName(string name) => name switch
    {
        "sha1" => TpmAlgId.Sha1,
        "sha256" => TpmAlgId.Sha256,
        "sha384" => TpmAlgId.Sha384,
        "sha512" => TpmAlgId.Sha512,
        _ => null,
    };
}
