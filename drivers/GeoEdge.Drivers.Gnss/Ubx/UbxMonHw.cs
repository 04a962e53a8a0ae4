using System.Buffers.Binary;

namespace GeoEdge.Drivers.Gnss.Ubx;

/// <summary>
/// UBX-MON-HW (0x0A 0x09), 60-byte layout: only the interference fields GeoEdge uses are exposed:
/// agcCnt (U2 at offset 18), flags (X1 at 22, jamming state in bits 2..3) and jamInd (U1 at 45).
/// </summary>
public sealed record UbxMonHw(ushort AgcCnt, byte Flags, byte JamInd)
{
    public const byte Class = 0x0A;
    public const byte Id = 0x09;
    public const int Length = 60;
    private const string Name = "UBX-MON-HW";
    private const int AgcCntOffset = 18;
    private const int FlagsOffset = 22;
    private const int JamIndOffset = 45;

    /// <summary>0 unknown/disabled, 1 OK, 2 warning, 3 critical.</summary>
    public int JammingState => (Flags >> 2) & 0x3;

    public static UbxMonHw Decode(ReadOnlySpan<byte> p)
    {
        UbxPayloadLength.RequireExactly(p, Length, Name);
        return new UbxMonHw(BinaryPrimitives.ReadUInt16LittleEndian(p[AgcCntOffset..]), p[FlagsOffset], p[JamIndOffset]);
    }

    /// <summary>Fields not modelled here are written as zero.</summary>
    public byte[] Encode()
    {
        var p = new byte[Length];
        BinaryPrimitives.WriteUInt16LittleEndian(p.AsSpan(AgcCntOffset), AgcCnt);
        p[FlagsOffset] = Flags;
        p[JamIndOffset] = JamInd;
        return p;
    }
}
