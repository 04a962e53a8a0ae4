namespace GeoEdge.Drivers.Osnma;

/// <summary>NMA status (ICD table 1): whether tags may be used, and how.</summary>
public enum OsnmaNmaStatus : byte
{
    Reserved = 0,
    Test = 1,
    Operational = 2,
    DontUse = 3,
}

/// <summary>Chain and public key status (ICD table 2).</summary>
public enum OsnmaChainAndKeyStatus : byte
{
    Reserved = 0,
    Nominal = 1,
    EndOfChain = 2,
    ChainRevoked = 3,
    NewPublicKey = 4,
    PublicKeyRevoked = 5,
    NewMerkleTree = 6,
    AlertMessage = 7,
}

/// <summary>The NMA header, HKROOT byte 0: NMAS (2 bits), CID (2), CPKS (3), reserved (1).</summary>
internal readonly record struct NmaHeader(byte Raw)
{
    public OsnmaNmaStatus Status => (OsnmaNmaStatus)(Raw >> 6);
    public int ChainId => (Raw >> 4) & 3;
    public OsnmaChainAndKeyStatus Cpks => (OsnmaChainAndKeyStatus)((Raw >> 1) & 7);
    public bool ReservedBitSet => (Raw & 1) != 0;

    /// <summary>A header with reserved values carries no usable OSNMA (e.g. a satellite not transmitting it, or garbage).</summary>
    public bool IsValid => Status != OsnmaNmaStatus.Reserved && Cpks != OsnmaChainAndKeyStatus.Reserved && !ReservedBitSet;
}

/// <summary>The DSM header, HKROOT byte 1: DSM ID (4 bits; 0-11 DSM-KROOT, 12-15 DSM-PKR) and block ID (4).</summary>
internal readonly record struct DsmHeader(byte Raw)
{
    public int DsmId => Raw >> 4;
    public int BlockId => Raw & 0xF;
    public bool IsPkr => DsmId >= 12;
}
