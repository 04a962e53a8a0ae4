using System.Buffers.Binary;
using GeoEdge.Drivers.Osnma.Bits;
using GeoEdge.Drivers.Osnma.Crypto;
using GeoEdge.Drivers.Osnma.Messages;
using GeoEdge.Drivers.Osnma.Tesla;

namespace GeoEdge.Drivers.Osnma.Engine;

/// <summary>
/// The MAC inputs of ICD 1.1 section 6.6/6.7:
/// Tag0: PRN_A (8) || GST_SF (32) || CTR = 1 (8) || NMAS (2) || NavData || zero padding to a byte;
/// tag k >= 1: PRN_D (8) || PRN_A || GST_SF || CTR = k + 1 || NMAS || NavData || padding;
/// MACSEQ: PRN_A || GST_SF || the Tag-Info (16 bits) of every FLX slot in order, truncated to 12 bits.
/// GST_SF is the start of the subframe that carries the tag; NMAS is that subframe's header.
/// </summary>
internal static class TagMessages
{
    public static bool VerifyTag(TeslaChain chain, ReadOnlySpan<byte> key, MackTag tag, int prnA, long gstSubframe,
        OsnmaNmaStatus nmas, ReadOnlySpan<byte> navData, int navBits)
    {
        var header = tag.Slot == 0 ? 6 : 7;
        var message = new byte[header + (2 + navBits + 7) / 8];
        var at = 0;
        if (tag.Slot != 0) message[at++] = (byte)tag.PrnD;
        message[at++] = (byte)prnA;
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(at, 4), TeslaChain.Gst32(gstSubframe));
        at += 4;
        message[at++] = (byte)(tag.Slot + 1);
        OsnmaBits.Write(message, at * 8, 2, (ulong)nmas);
        if (navBits > 0) OsnmaBits.Copy(navData, 0, message, at * 8 + 2, navBits);
        var mac = OsnmaFunctions.Mac(chain.Kroot.Mac, key, message);
        return OsnmaBits.Read(mac, 0, chain.Kroot.TagBits) == tag.Tag;
    }

    public static bool VerifyMacseq(TeslaChain chain, ReadOnlySpan<byte> key, MackMessage mack, MacSlot[] sequence, int prnA, long gstSubframe)
    {
        var flex = Enumerable.Range(1, mack.Tags.Length - 1).Where(k => sequence[k].IsFlex).ToArray();
        var message = new byte[5 + 2 * flex.Length];
        message[0] = (byte)prnA;
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(1, 4), TeslaChain.Gst32(gstSubframe));
        for (var i = 0; i < flex.Length; i++)
            BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(5 + 2 * i, 2), mack.Tags[flex[i]].TagInfo);
        var mac = OsnmaFunctions.Mac(chain.Kroot.Mac, key, message);
        return (int)OsnmaBits.Read(mac, 0, 12) == mack.Macseq;
    }
}
