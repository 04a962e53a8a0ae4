using GeoEdge.Drivers.Tpm.Encoding;

namespace GeoEdge.Drivers.Tpm;

/// <summary>TPML_PCR_SELECTION with one bank: count, then TPMS_PCR_SELECTION (hash, sizeofSelect, bitmap).</summary>
internal static class PcrSelection
{
    /// <summary>tpm2-tss holds at most TPM2_PCR_SELECT_MAX = 4 bitmap bytes (32 PCRs); TPMs expect at least 3.</summary>
    private const int MaxPcr = 31;

    public static byte[] Encode(TpmAlgorithm bank, IEnumerable<int> pcrs)
    {
        Span<byte> bitmap = stackalloc byte[4];
        var highest = -1;
        foreach (var pcr in pcrs)
        {
            if (pcr is < 0 or > MaxPcr) throw new ArgumentOutOfRangeException(nameof(pcrs), pcr, $"PCR index must be 0-{MaxPcr}");
            bitmap[pcr / 8] |= (byte)(1 << (pcr % 8));
            highest = Math.Max(highest, pcr);
        }
        var size = Math.Max(3, highest / 8 + 1);
        return new TpmWriter().U32(1).U16((ushort)bank).U8((byte)size).Bytes(bitmap[..size]).ToArray();
    }

    /// <summary>The PCRs of <paramref name="bank"/> a TPML_PCR_SELECTION selects, in ascending order.</summary>
    public static List<int> Decode(ReadOnlySpan<byte> wire, TpmAlgorithm bank)
    {
        var reader = new TpmReader(wire, "TPML_PCR_SELECTION");
        var count = reader.U32();
        if (count > 16) throw new TpmFormatException($"TPML_PCR_SELECTION: {count} banks, at most 16 exist");
        var pcrs = new List<int>();
        for (var i = 0; i < count; i++)
        {
            var hash = reader.U16();
            var bitmap = reader.Bytes(reader.U8());
            if (hash != (ushort)bank) continue;
            for (var pcr = 0; pcr < bitmap.Length * 8; pcr++)
                if ((bitmap[pcr / 8] & (1 << (pcr % 8))) != 0) pcrs.Add(pcr);
        }
        reader.ExpectEnd();
        return pcrs;
    }
}
