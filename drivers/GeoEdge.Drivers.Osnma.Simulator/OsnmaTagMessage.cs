using GeoEdge.Drivers.Gnss.Galileo;

namespace GeoEdge.Drivers.Osnma.Simulator;

/// <summary>
/// The MAC inputs of OSNMA SIS ICD 1.1 section 6.6 (checked against the test vectors):
/// Tag0:  PRN_A (8) || GST_SF (32) || CTR=1 (8) || NMAS (2) || NavData || zero pad to a byte;
/// Tag_k: PRN_D (8) || PRN_A (8) || GST_SF (32) || CTR=k+1 (8) || NMAS (2) || NavData || pad;
/// MACSEQ: PRN_A || GST_SF || (PRN_D || ADKD || COP) of every FLX slot in order, truncated to 12 bits.
/// GST_SF is the start of the subframe whose MACK carries the tag; NavData is the data of the subframe before it
/// (all zeros for a dummy tag, COP = 0); the key is the one broadcast in the next subframe (ADKD 12: 11 later).
/// </summary>
public static class OsnmaTagMessage
{
    public static byte[] Build(int? prnD, int prnA, GalileoSystemTime subframeStart, int counter, OsnmaNmaStatus nmas, ReadOnlySpan<byte> navData, int navDataBits)
    {
        if (navDataBits < 0 || navDataBits > navData.Length * 8) throw new ArgumentOutOfRangeException(nameof(navDataBits));
        var headerBits = (prnD is null ? 0 : 8) + 8 + 32 + 8;
        var w = new MsbBitWriter(headerBits + 2 + navDataBits);
        if (prnD is { } d) w.Write((ulong)d, 8);
        w.Write((ulong)prnA, 8).Write(OsnmaGst.ToUInt32(subframeStart), 32).Write((ulong)counter, 8).Write((ulong)nmas, 2);
        w.WriteBits(navData, 0, navDataBits);
        return w.Buffer;
    }

    public static ulong Tag(OsnmaMacFunction mac, ReadOnlySpan<byte> key, int tagBits, int? prnD, int prnA,
        GalileoSystemTime subframeStart, int counter, OsnmaNmaStatus nmas, ReadOnlySpan<byte> navData, int navDataBits) =>
        OsnmaMac.Truncated(mac, key, Build(prnD, prnA, subframeStart, counter, nmas, navData, navDataBits), tagBits);

    public static ushort Macseq(OsnmaMacFunction mac, ReadOnlySpan<byte> key, int prnA, GalileoSystemTime subframeStart,
        IReadOnlyList<MackTagInfo> flexibleTagInfos)
    {
        ArgumentNullException.ThrowIfNull(flexibleTagInfos);
        var message = new byte[5 + 2 * flexibleTagInfos.Count];
        message[0] = (byte)prnA;
        OsnmaGst.Write(subframeStart, message.AsSpan(1));
        for (var i = 0; i < flexibleTagInfos.Count; i++)
        {
            message[5 + 2 * i] = (byte)flexibleTagInfos[i].PrnD;
            message[6 + 2 * i] = (byte)((flexibleTagInfos[i].Adkd << 4) | flexibleTagInfos[i].Cop);
        }
        return (ushort)OsnmaMac.Truncated(mac, key, message, 12);
    }
}
