using System.Buffers.Binary;

namespace GeoEdge.Drivers.Gnss.Ubx;

/// <summary>UBX-NAV-STATUS (0x01 0x03): fix type and status flags; flags2 carries spoofDetState (bits 3..4).</summary>
public sealed record UbxNavStatus(uint ITow, byte GpsFix, byte Flags, byte FixStat, byte Flags2, uint TtffMs, uint MsssMs)
{
    public const byte Class = 0x01;
    public const byte Id = 0x03;
    public const int Length = 16;
    private const string Name = "UBX-NAV-STATUS";

    /// <summary>0 unknown/off, 1 no spoofing indicated, 2 spoofing indicated, 3 multiple indications.</summary>
    public int SpoofDetState => (Flags2 >> 3) & 0x3;

    public static UbxNavStatus Decode(ReadOnlySpan<byte> p)
    {
        UbxPayloadLength.RequireExactly(p, Length, Name);
        return new UbxNavStatus(
            BinaryPrimitives.ReadUInt32LittleEndian(p[0..]), p[4], p[5], p[6], p[7],
            BinaryPrimitives.ReadUInt32LittleEndian(p[8..]),
            BinaryPrimitives.ReadUInt32LittleEndian(p[12..]));
    }

    public byte[] Encode()
    {
        var p = new byte[Length];
        BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(0), ITow);
        p[4] = GpsFix;
        p[5] = Flags;
        p[6] = FixStat;
        p[7] = Flags2;
        BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(8), TtffMs);
        BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(12), MsssMs);
        return p;
    }
}
