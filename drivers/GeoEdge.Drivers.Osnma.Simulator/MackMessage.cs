namespace GeoEdge.Drivers.Osnma.Simulator;

/// <summary>Tag-Info: PRN_D (8) | ADKD (4) | COP (4). COP 0 marks a dummy tag.</summary>
public readonly record struct MackTagInfo(int PrnD, int Adkd, int Cop);

public readonly record struct MackTag(ulong Tag, MackTagInfo Info);

/// <summary>
/// A MACK section (480 bits, 32 per page): Tag0 (lt) | MACSEQ (12) | COP (4) | (nt-1) x [Tag (lt) | Tag-Info (16)] |
/// TESLA key (lk) | zero padding. The COP after MACSEQ belongs to Tag0.
/// </summary>
public sealed record MackMessage(ulong Tag0, ushort Macseq, int Tag0Cop, IReadOnlyList<MackTag> Tags, ReadOnlyMemory<byte> Key)
{
    public byte[] Encode(int tagBits)
    {
        var w = new MsbBitWriter(OsnmaFieldSizes.MackBits);
        w.Write(Tag0, tagBits).Write(Macseq, 12).Write((ulong)Tag0Cop, 4);
        foreach (var t in Tags)
            w.Write(t.Tag, tagBits).Write((ulong)t.Info.PrnD, 8).Write((ulong)t.Info.Adkd, 4).Write((ulong)t.Info.Cop, 4);
        w.WriteBytes(Key.Span);
        return w.Buffer;
    }

    public static MackMessage Decode(ReadOnlySpan<byte> mack, int tagBits, int keyBits)
    {
        if (mack.Length != OsnmaFieldSizes.MackBits / 8) throw new ArgumentException("a MACK section is 60 bytes", nameof(mack));
        var nt = OsnmaFieldSizes.TagsPerMack(keyBits, tagBits);
        var tag0 = MsbBitReader.Read(mack, 0, tagBits);
        var macseq = (ushort)MsbBitReader.Read(mack, tagBits, 12);
        var cop = (int)MsbBitReader.Read(mack, tagBits + 12, 4);
        var tags = new MackTag[nt - 1];
        var p = tagBits + 16;
        for (var i = 0; i < tags.Length; i++, p += tagBits + 16)
            tags[i] = new MackTag(MsbBitReader.Read(mack, p, tagBits), new MackTagInfo(
                (int)MsbBitReader.Read(mack, p + tagBits, 8), (int)MsbBitReader.Read(mack, p + tagBits + 8, 4), (int)MsbBitReader.Read(mack, p + tagBits + 12, 4)));
        return new MackMessage(tag0, macseq, cop, tags, MsbBitReader.Slice(mack, p, keyBits));
    }
}
