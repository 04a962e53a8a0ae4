using System.Buffers.Binary;

namespace GeoEdge.Drivers.Gnss.Ubx;

/// <summary>Jamming verdict for the signals sharing one centre frequency (UBX-SEC-SIG version 2).</summary>
public readonly record struct UbxJamStateCentFreq(uint CentFreqKHz, bool Jammed);

/// <summary>
/// UBX-SEC-SIG (0x27 0x09): the receiver's own jamming and spoofing verdicts.
/// Version 1 (12 bytes): jamFlags at offset 4 (bit 0 jamDetEnabled, bits 1..2 jammingState) and
/// spfFlags at offset 8 (bit 0 spfDetEnabled, bits 1..3 spoofingState).
/// Version 2 (4 + 4n bytes): sigSecFlags at offset 1 (bit 0 jamDetEnabled, bits 1..2 jamState,
/// bit 3 spfDetEnabled, bits 4..5 spfState), jamNumCentFreqs at offset 3, then n X4 entries
/// (bits 0..23 centre frequency in kHz, bit 24 jammed).
/// JammingState: 0 unknown, 1 no jamming, 2 warning, 3 critical (v1 only).
/// SpoofingState: 0 unknown, 1 no spoofing indicated, 2 spoofing indicated, 3 spoofing affirmed.
/// </summary>
public sealed record UbxSecSig(byte Version, bool JamDetEnabled, int JammingState, bool SpfDetEnabled, int SpoofingState, UbxJamStateCentFreq[] CentFreqs)
{
    public const byte Class = 0x27;
    public const byte Id = 0x09;
    private const string Name = "UBX-SEC-SIG";
    private const int Version1Length = 12;
    private const int Version2HeaderLength = 4;
    private const uint CentFreqMask = 0xFFFFFF;
    private const uint JammedBit = 1u << 24;

    public static UbxSecSig Decode(ReadOnlySpan<byte> p)
    {
        UbxPayloadLength.RequireAtLeast(p, 1, Name);
        return p[0] switch
        {
            1 => DecodeVersion1(p),
            2 => DecodeVersion2(p),
            _ => throw new UbxFormatException(Name, "version", $"version {p[0]} is not supported (1 or 2)"),
        };
    }

    private static UbxSecSig DecodeVersion1(ReadOnlySpan<byte> p)
    {
        UbxPayloadLength.RequireExactly(p, Version1Length, Name);
        var jam = p[4];
        var spf = p[8];
        return new UbxSecSig(1, (jam & 1) != 0, (jam >> 1) & 0x3, (spf & 1) != 0, (spf >> 1) & 0x7, []);
    }

    private static UbxSecSig DecodeVersion2(ReadOnlySpan<byte> p)
    {
        UbxPayloadLength.RequireAtLeast(p, Version2HeaderLength, Name);
        int count = p[3];
        if (p.Length != Version2HeaderLength + 4 * count)
            throw new UbxFormatException(Name, "jamNumCentFreqs", $"{count} entries need {Version2HeaderLength + 4 * count} bytes but the payload is {p.Length}");
        var flags = p[1];
        var freqs = new UbxJamStateCentFreq[count];
        for (var i = 0; i < count; i++)
        {
            var raw = BinaryPrimitives.ReadUInt32LittleEndian(p[(Version2HeaderLength + 4 * i)..]);
            freqs[i] = new UbxJamStateCentFreq(raw & CentFreqMask, (raw & JammedBit) != 0);
        }
        return new UbxSecSig(2, (flags & 1) != 0, (flags >> 1) & 0x3, (flags & 0x8) != 0, (flags >> 4) & 0x3, freqs);
    }

    public byte[] Encode() => Version switch
    {
        1 => EncodeVersion1(),
        2 => EncodeVersion2(),
        _ => throw new UbxFormatException(Name, "version", $"version {Version} is not supported (1 or 2)"),
    };

    private byte[] EncodeVersion1()
    {
        if (CentFreqs.Length != 0) throw new UbxFormatException(Name, "jamNumCentFreqs", "version 1 carries no centre frequencies");
        var p = new byte[Version1Length];
        p[0] = 1;
        p[4] = (byte)((JamDetEnabled ? 1 : 0) | ((JammingState & 0x3) << 1));
        p[8] = (byte)((SpfDetEnabled ? 1 : 0) | ((SpoofingState & 0x7) << 1));
        return p;
    }

    private byte[] EncodeVersion2()
    {
        if (CentFreqs.Length > byte.MaxValue) throw new UbxFormatException(Name, "jamNumCentFreqs", $"{CentFreqs.Length} entries do not fit the 8-bit count");
        var p = new byte[Version2HeaderLength + 4 * CentFreqs.Length];
        p[0] = 2;
        p[1] = (byte)((JamDetEnabled ? 1 : 0) | ((JammingState & 0x3) << 1) | (SpfDetEnabled ? 0x8 : 0) | ((SpoofingState & 0x3) << 4));
        p[3] = (byte)CentFreqs.Length;
        for (var i = 0; i < CentFreqs.Length; i++)
        {
            var f = CentFreqs[i];
            if (f.CentFreqKHz > CentFreqMask) throw new UbxFormatException(Name, "centFreq", $"{f.CentFreqKHz} kHz does not fit 24 bits");
            BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(Version2HeaderLength + 4 * i), f.CentFreqKHz | (f.Jammed ? JammedBit : 0));
        }
        return p;
    }
}
