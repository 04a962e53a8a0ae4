namespace GeoEdge.Drivers.Osnma;

/// <summary>The TESLA chain hash function (DSM-KROOT field HF, ICD table 8).</summary>
internal enum OsnmaHashFunction : byte
{
    Sha256 = 0,
    Sha3_256 = 2,
}

/// <summary>The tag MAC function (DSM-KROOT field MF, ICD table 9).</summary>
internal enum OsnmaMacFunction : byte
{
    HmacSha256 = 0,
    CmacAes = 1,
}
