using System.Buffers.Binary;

namespace GeoEdge.Drivers.Gnss.Ubx;

/// <summary>UBX-NAV-TIMEGAL (0x01 0x25): Galileo system time; gives SFRBX pages their time.</summary>
public sealed record UbxNavTimeGal(uint ITow, uint GalTow, int FGalTowNs, short GalWno, sbyte LeapS, byte Valid, uint TAccNs)
{
    public const byte Class = 0x01;
    public const byte Id = 0x25;
    public const int Length = 20;
    private const string Name = "UBX-NAV-TIMEGAL";

    public static UbxNavTimeGal Decode(ReadOnlySpan<byte> p)
    {
        UbxPayloadLength.RequireExactly(p, Length, Name);
        return new UbxNavTimeGal(
            BinaryPrimitives.ReadUInt32LittleEndian(p[0..]),
            BinaryPrimitives.ReadUInt32LittleEndian(p[4..]),
            BinaryPrimitives.ReadInt32LittleEndian(p[8..]),
            BinaryPrimitives.ReadInt16LittleEndian(p[12..]),
            (sbyte)p[14],
            p[15],
            BinaryPrimitives.ReadUInt32LittleEndian(p[16..]));
    }

    public byte[] Encode()
    {
        var p = new byte[Length];
        BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(0), ITow);
        BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(4), GalTow);
        BinaryPrimitives.WriteInt32LittleEndian(p.AsSpan(8), FGalTowNs);
        BinaryPrimitives.WriteInt16LittleEndian(p.AsSpan(12), GalWno);
        p[14] = (byte)LeapS;
        p[15] = Valid;
        BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(16), TAccNs);
        return p;
    }
}
