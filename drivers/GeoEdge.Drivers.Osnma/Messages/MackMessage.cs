using GeoEdge.Drivers.Osnma.Bits;

namespace GeoEdge.Drivers.Osnma.Messages;

/// <summary>One tag of a MACK with its Tag-Info (PRN_D 8, ADKD 4, COP 4); for slot 0 (Tag0) PRN_D is the transmitter and ADKD 0.</summary>
internal readonly record struct MackTag(int Slot, ulong Tag, int PrnD, int Adkd, int Cop, ushort TagInfo);

/// <summary>
/// The 480-bit MACK of one satellite and subframe (ICD 1.1 section 3.3): Tag0 (lt) || MACSEQ (12) || COP (4),
/// then nt-1 times Tag (lt) || Tag-Info (16), then the TESLA key (lk) and padding. Layout depends on the chain (lt, lk)
/// and on the MAC look-up table (nt), so it is read only once the chain is known.
/// </summary>
internal sealed class MackMessage
{
    public const int Bytes = 60;
    public const int BitsTotal = Bytes * 8;

    private MackMessage(MackTag[] tags, int macseq, byte[] key, int tagSectionBits)
    {
        Tags = tags;
        Macseq = macseq;
        Key = key;
        TagSectionBits = tagSectionBits;
    }

    public MackTag[] Tags { get; }
    public int Macseq { get; }
    public byte[] Key { get; }

    /// <summary>Bits from the start of the MACK to the end of the last Tag-Info: the page that carries the last of them bounds when the tags were received.</summary>
    public int TagSectionBits { get; }

    public static bool TryParse(ReadOnlySpan<byte> mack, int prnA, int tagBits, int keyBits, int tagCount, out MackMessage? message, out string error)
    {
        message = null;
        if (mack.Length != Bytes) { error = $"a MACK is {Bytes} bytes, got {mack.Length}"; return false; }
        var tagSection = tagCount * (tagBits + 16);
        if (tagCount < 1 || tagSection + keyBits > BitsTotal)
        {
            error = $"{tagCount} tags of {tagBits} bits and a {keyBits}-bit key do not fit in {BitsTotal} bits";
            return false;
        }
        var tags = new MackTag[tagCount];
        var tag0 = OsnmaBits.Read(mack, 0, tagBits);
        var macseq = (int)OsnmaBits.Read(mack, tagBits, 12);
        var cop0 = (int)OsnmaBits.Read(mack, tagBits + 12, 4);
        tags[0] = new MackTag(0, tag0, prnA, 0, cop0, 0);
        for (var k = 1; k < tagCount; k++)
        {
            var start = k * (tagBits + 16);
            var tag = OsnmaBits.Read(mack, start, tagBits);
            var info = (ushort)OsnmaBits.Read(mack, start + tagBits, 16);
            tags[k] = new MackTag(k, tag, info >> 8, (info >> 4) & 0xF, info & 0xF, info);
        }
        var key = new byte[keyBits / 8];
        OsnmaBits.Copy(mack, tagSection, key, 0, keyBits);
        message = new MackMessage(tags, macseq, key, tagSection);
        error = "";
        return true;
    }

    /// <summary>Only the TESLA key, which sits at nt * (lt + 16).</summary>
    public static byte[] ReadKey(ReadOnlySpan<byte> mack, int tagBits, int keyBits, int tagCount)
    {
        var key = new byte[keyBits / 8];
        OsnmaBits.Copy(mack, tagCount * (tagBits + 16), key, 0, keyBits);
        return key;
    }
}
