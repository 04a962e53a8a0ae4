using System.Buffers.Binary;

namespace GeoEdge.Drivers.Gnss.Ubx;

/// <summary>
/// One satellite of UBX-NAV-SAT. C/N0 in dBHz, elevation and azimuth in degrees, pseudorange
/// residual in 0.1 m. <see cref="Flags"/> bits: 0..2 qualityInd, 3 svUsed, 4..5 health
/// (0 unknown, 1 healthy, 2 unhealthy), 6 diffCorr, 7 smoothed, 8..10 orbitSource, 11 ephAvail, 12 almAvail.
/// </summary>
public readonly record struct UbxNavSatSatellite(byte GnssId, byte SvId, byte Cno, sbyte ElevationDeg, short AzimuthDeg, short PrResDm, uint Flags)
{
    public const uint SvUsedBit = 1u << 3;

    /// <summary>0 no signal, 1 searching, 2 acquired, 3 unusable, 4 code locked, 5..7 code and carrier locked.</summary>
    public int QualityIndicator => (int)(Flags & 0x7);

    public bool SvUsed => (Flags & SvUsedBit) != 0;

    public int Health => (int)((Flags >> 4) & 0x3);

    /// <summary>Builds the flags word from its commonly used parts (the other bits zero).</summary>
    public static uint MakeFlags(int qualityIndicator, bool svUsed, int health)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(qualityIndicator);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(qualityIndicator, 7);
        ArgumentOutOfRangeException.ThrowIfNegative(health);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(health, 3);
        return (uint)qualityIndicator | (svUsed ? SvUsedBit : 0) | ((uint)health << 4);
    }
}

/// <summary>
/// UBX-NAV-SAT (0x01 0x35): the receiver's per-satellite tracking and usage. Payload: iTOW U4,
/// version U1 (1), numSvs U1, 2 reserved bytes, then 12 bytes per satellite: gnssId U1, svId U1,
/// cno U1, elev I1, azim I2, prRes I2, flags X4.
/// </summary>
public sealed record UbxNavSat(uint ITow, byte Version, UbxNavSatSatellite[] Satellites)
{
    public const byte Class = 0x01;
    public const byte Id = 0x35;
    public const byte SupportedVersion = 1;
    private const string Name = "UBX-NAV-SAT";
    private const int HeaderLength = 8;
    private const int BlockLength = 12;

    public IEnumerable<UbxNavSatSatellite> Used => Satellites.Where(s => s.SvUsed);

    public static UbxNavSat Decode(ReadOnlySpan<byte> p)
    {
        UbxPayloadLength.RequireAtLeast(p, HeaderLength, Name);
        if (p[4] != SupportedVersion)
            throw new UbxFormatException(Name, "version", $"version {p[4]} is not supported ({SupportedVersion})");
        int count = p[5];
        if (p.Length != HeaderLength + BlockLength * count)
            throw new UbxFormatException(Name, "numSvs", $"{count} satellites need {HeaderLength + BlockLength * count} bytes but the payload is {p.Length}");
        var satellites = new UbxNavSatSatellite[count];
        for (var i = 0; i < count; i++)
        {
            var b = p.Slice(HeaderLength + BlockLength * i, BlockLength);
            satellites[i] = new UbxNavSatSatellite(b[0], b[1], b[2], (sbyte)b[3],
                BinaryPrimitives.ReadInt16LittleEndian(b[4..]),
                BinaryPrimitives.ReadInt16LittleEndian(b[6..]),
                BinaryPrimitives.ReadUInt32LittleEndian(b[8..]));
        }
        return new UbxNavSat(BinaryPrimitives.ReadUInt32LittleEndian(p), p[4], satellites);
    }

    public byte[] Encode()
    {
        if (Version != SupportedVersion)
            throw new UbxFormatException(Name, "version", $"version {Version} is not supported ({SupportedVersion})");
        if (Satellites.Length > byte.MaxValue)
            throw new UbxFormatException(Name, "numSvs", $"{Satellites.Length} satellites do not fit the 8-bit count");
        var p = new byte[HeaderLength + BlockLength * Satellites.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(p, ITow);
        p[4] = Version;
        p[5] = (byte)Satellites.Length;
        for (var i = 0; i < Satellites.Length; i++)
        {
            var s = Satellites[i];
            var b = p.AsSpan(HeaderLength + BlockLength * i, BlockLength);
            b[0] = s.GnssId;
            b[1] = s.SvId;
            b[2] = s.Cno;
            b[3] = (byte)s.ElevationDeg;
            BinaryPrimitives.WriteInt16LittleEndian(b[4..], s.AzimuthDeg);
            BinaryPrimitives.WriteInt16LittleEndian(b[6..], s.PrResDm);
            BinaryPrimitives.WriteUInt32LittleEndian(b[8..], s.Flags);
        }
        return p;
    }
}
