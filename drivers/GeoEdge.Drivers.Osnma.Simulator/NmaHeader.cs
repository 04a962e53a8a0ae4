namespace GeoEdge.Drivers.Osnma.Simulator;

/// <summary>The NMA header, first HKROOT byte: NMAS (2) | CID (2) | CPKS (3) | reserved (1).</summary>
public readonly record struct NmaHeader(OsnmaNmaStatus Status, int ChainId, OsnmaChainAndKeyStatus Cpks)
{
    public byte ToByte()
    {
        if (ChainId is < 0 or > 3) throw new ArgumentOutOfRangeException(nameof(ChainId), ChainId, "CID is 2 bits");
        return (byte)(((int)Status << 6) | (ChainId << 4) | ((int)Cpks << 1));
    }

    public static NmaHeader FromByte(byte value) =>
        new((OsnmaNmaStatus)(value >> 6), (value >> 4) & 3, (OsnmaChainAndKeyStatus)((value >> 1) & 7));
}
