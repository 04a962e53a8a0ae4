using System.Buffers.Binary;

namespace GeoEdge.Drivers.Gnss.Ubx;

/// <summary>
/// UBX-NAV-PVT (0x01 0x07, 92 bytes): the position/time fields GeoEdge uses. Longitude/latitude in
/// 1e-7 degrees, heights and accuracies in millimetres. Velocity/heading fields are not modelled.
/// </summary>
public sealed record UbxNavPvt(
    uint ITow, ushort Year, byte Month, byte Day, byte Hour, byte Minute, byte Second, byte Valid,
    uint TAccNs, int NanoNs, byte FixType, byte Flags, byte Flags2, byte NumSv,
    int LonE7, int LatE7, int HeightMm, int HMslMm, uint HAccMm, uint VAccMm)
{
    public const byte Class = 0x01;
    public const byte Id = 0x07;
    public const int Length = 92;
    private const string Name = "UBX-NAV-PVT";

    public static UbxNavPvt Decode(ReadOnlySpan<byte> p)
    {
        UbxPayloadLength.RequireExactly(p, Length, Name);
        return new UbxNavPvt(
            BinaryPrimitives.ReadUInt32LittleEndian(p[0..]),
            BinaryPrimitives.ReadUInt16LittleEndian(p[4..]), p[6], p[7], p[8], p[9], p[10], p[11],
            BinaryPrimitives.ReadUInt32LittleEndian(p[12..]),
            BinaryPrimitives.ReadInt32LittleEndian(p[16..]),
            p[20], p[21], p[22], p[23],
            BinaryPrimitives.ReadInt32LittleEndian(p[24..]),
            BinaryPrimitives.ReadInt32LittleEndian(p[28..]),
            BinaryPrimitives.ReadInt32LittleEndian(p[32..]),
            BinaryPrimitives.ReadInt32LittleEndian(p[36..]),
            BinaryPrimitives.ReadUInt32LittleEndian(p[40..]),
            BinaryPrimitives.ReadUInt32LittleEndian(p[44..]));
    }

    /// <summary>Fields not modelled here are written as zero.</summary>
    public byte[] Encode()
    {
        var p = new byte[Length];
        BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(0), ITow);
        BinaryPrimitives.WriteUInt16LittleEndian(p.AsSpan(4), Year);
        p[6] = Month;
        p[7] = Day;
        p[8] = Hour;
        p[9] = Minute;
        p[10] = Second;
        p[11] = Valid;
        BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(12), TAccNs);
        BinaryPrimitives.WriteInt32LittleEndian(p.AsSpan(16), NanoNs);
        p[20] = FixType;
        p[21] = Flags;
        p[22] = Flags2;
        p[23] = NumSv;
        BinaryPrimitives.WriteInt32LittleEndian(p.AsSpan(24), LonE7);
        BinaryPrimitives.WriteInt32LittleEndian(p.AsSpan(28), LatE7);
        BinaryPrimitives.WriteInt32LittleEndian(p.AsSpan(32), HeightMm);
        BinaryPrimitives.WriteInt32LittleEndian(p.AsSpan(36), HMslMm);
        BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(40), HAccMm);
        BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(44), VAccMm);
        return p;
    }
}
