using System.Buffers.Binary;
using GeoEdge.Hil.Rig.Processes;

namespace GeoEdge.Hil.Rig.Scenarios;

/// <summary>
/// PCR values in the file format tpm2-tools 5.x writes with tpm2_quote -o and reads back with
/// tpm2_checkquote -f (without -l): its in-memory structures, little-endian, as laid out on 64-bit
/// Linux. (5.4 also documents raw digests plus -l, but refuses them with "Failed to hash PCR values".)
/// Layout: TPML_PCR_SELECTION (u32 count, 16 x {u16 hash, u8 sizeofSelect, u8[4] pcrSelect, pad}),
/// then u32 number of TPML_DIGEST, then each TPML_DIGEST (u32 count, 8 x {u16 size, u8[64]}),
/// the digests in selection order, 8 per list.
/// </summary>
public static class TpmToolsPcrFile
{
    private const int MaxSelections = 16;
    private const int SelectionSize = 8;
    private const int PcrSelectBytes = 3;
    private const int DigestsPerList = 8;
    private const int DigestBufferBytes = 64;
    private const int DigestSize = 2 + DigestBufferBytes;
    private const int DigestListSize = 4 + DigestsPerList * DigestSize;
    private const int MaxPcr = 23;

    /// <summary>One bank's PCR values (index -> digest) in the layout above.</summary>
    public static byte[] Serialize(ushort hashAlgorithm, IReadOnlyDictionary<int, byte[]> values)
    {
        var indices = values.Keys.Order().ToList();
        if (indices.Count == 0 || indices[0] < 0 || indices[^1] > MaxPcr)
            throw new RigException($"PCR indices must be 0..{MaxPcr}, got {string.Join(',', indices)}");
        var lists = (indices.Count + DigestsPerList - 1) / DigestsPerList;
        var file = new byte[4 + MaxSelections * SelectionSize + 4 + lists * DigestListSize];
        var span = file.AsSpan();

        BinaryPrimitives.WriteUInt32LittleEndian(span, 1);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], hashAlgorithm);
        span[6] = PcrSelectBytes;
        foreach (var index in indices) span[7 + index / 8] |= (byte)(1 << (index % 8));

        var offset = 4 + MaxSelections * SelectionSize;
        BinaryPrimitives.WriteUInt32LittleEndian(span[offset..], (uint)lists);
        offset += 4;
        for (var list = 0; list < lists; list++)
        {
            var chunk = indices.Skip(list * DigestsPerList).Take(DigestsPerList).ToList();
            BinaryPrimitives.WriteUInt32LittleEndian(span[offset..], (uint)chunk.Count);
            for (var i = 0; i < chunk.Count; i++)
            {
                var digest = values[chunk[i]];
                if (digest.Length > DigestBufferBytes) throw new RigException($"PCR {chunk[i]} value is {digest.Length} bytes, more than {DigestBufferBytes}");
                var entry = span.Slice(offset + 4 + i * DigestSize, DigestSize);
                BinaryPrimitives.WriteUInt16LittleEndian(entry, (ushort)digest.Length);
                digest.CopyTo(entry[2..]);
            }
            offset += DigestListSize;
        }
        return file;
    }
}
