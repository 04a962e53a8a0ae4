namespace GeoEdge.Drivers.Osnma.Simulator;

/// <summary>NMA status (OSNMA SIS ICD 1.1 Table 1).</summary>
public enum NmaStatus
{
    Reserved = 0,
    Test = 1,
    Operational = 2,
    DontUse = 3,
}

/// <summary>Chain and public key status, CPKS (OSNMA SIS ICD 1.1 Table 2).</summary>
public enum ChainAndPublicKeyStatus
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

/// <summary>The NMA header, first HKROOT byte: NMAS (2) | CID (2) | CPKS (3) | reserved (1).</summary>
public readonly record struct NmaHeader(NmaStatus Status, int ChainId, ChainAndPublicKeyStatus Cpks)
{
    public byte ToByte()
    {
        if (ChainId is < 0 or > 3) throw new ArgumentOutOfRangeException(nameof(ChainId), ChainId, "CID is 2 bits");
        return (byte)(((int)Status << 6) | (ChainId << 4) | ((int)Cpks << 1));
    }

    public static NmaHeader FromByte(byte value) =>
        new((NmaStatus)(value >> 6), (value >> 4) & 3, (ChainAndPublicKeyStatus)((value >> 1) & 7));
}
