using System.Buffers.Binary;

namespace GeoEdge.Drivers.Gnss.Ubx;

/// <summary>UBX-RXM-SFRBX (0x02 0x13): one broadcast navigation subframe/page as 32-bit words.</summary>
public sealed record UbxRxmSfrbx(byte GnssId, byte SvId, byte SigId, byte FreqId, byte Chn, byte Version, uint[] Words)
{
    public const byte Class = 0x02;
    public const byte Id = 0x13;
    private const string Name = "UBX-RXM-SFRBX";
    private const int HeaderLength = 8;

    public static UbxRxmSfrbx Decode(ReadOnlySpan<byte> payload)
    {
        UbxPayloadLength.RequireAtLeast(payload, HeaderLength, Name);
        int numWords = payload[4];
        if (payload.Length != HeaderLength + 4 * numWords)
            throw new UbxFormatException(Name, "numWords", $"{numWords} words need {HeaderLength + 4 * numWords} bytes but the payload is {payload.Length}");
        var words = new uint[numWords];
        for (var i = 0; i < numWords; i++)
            words[i] = BinaryPrimitives.ReadUInt32LittleEndian(payload.Slice(HeaderLength + 4 * i, 4));
        return new UbxRxmSfrbx(payload[0], payload[1], payload[2], payload[3], payload[5], payload[6], words);
    }

    public byte[] Encode()
    {
        if (Words.Length > byte.MaxValue)
            throw new UbxFormatException(Name, "numWords", $"{Words.Length} words do not fit the 8-bit count");
        var payload = new byte[HeaderLength + 4 * Words.Length];
        payload[0] = GnssId;
        payload[1] = SvId;
        payload[2] = SigId;
        payload[3] = FreqId;
        payload[4] = (byte)Words.Length;
        payload[5] = Chn;
        payload[6] = Version;
        for (var i = 0; i < Words.Length; i++)
            BinaryPrimitives.WriteUInt32LittleEndian(payload.AsSpan(HeaderLength + 4 * i), Words[i]);
        return payload;
    }
}
