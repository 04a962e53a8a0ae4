using GeoEdge.Drivers.Tpm.Encoding;
using GeoEdge.Drivers.Tpm.Native;

namespace GeoEdge.Drivers.Tpm;

public sealed unsafe partial class TpmDevice
{
    /// <summary>
    /// TPM2_PCR_Read of <paramref name="pcrs"/> in <paramref name="bank"/>. A TPM returns at most 8
    /// digests per call, so this loops over what is still missing. If a PCR changed between two calls
    /// (the update counter moved) the whole read starts again, so the values are one consistent set.
    /// </summary>
    public IReadOnlyDictionary<int, byte[]> PcrRead(TpmAlgorithm bank, IReadOnlyList<int> pcrs)
    {
        ArgumentNullException.ThrowIfNull(pcrs);
        var digestSize = bank.DigestSize();
        var wanted = new SortedSet<int>(pcrs);
        PcrSelection.Encode(bank, wanted); // validates the indexes
        lock (_lock)
        {
            for (var attempt = 0; attempt < 5; attempt++)
            {
                var values = new SortedDictionary<int, byte[]>();
                uint? counter = null;
                var consistent = true;
                while (values.Count < wanted.Count)
                {
                    var missing = wanted.Where(p => !values.ContainsKey(p)).ToList();
                    var (updateCounter, read, digests) = PcrReadOnce(bank, missing);
                    if (counter is not null && counter != updateCounter) { consistent = false; break; }
                    counter = updateCounter;
                    if (read.Count != digests.Count)
                        throw new TpmFormatException($"PCR_Read: {read.Count} PCRs selected but {digests.Count} digests returned");
                    if (read.Count == 0)
                        throw new TpmFormatException($"PCR_Read of {bank} PCRs {string.Join(',', missing)}: the TPM returned none (no such PCRs or bank)");
                    for (var i = 0; i < read.Count; i++)
                    {
                        if (!missing.Contains(read[i])) throw new TpmFormatException($"PCR_Read returned PCR {read[i]}, which was not asked for");
                        if (digests[i].Length != digestSize)
                            throw new TpmFormatException($"PCR_Read: PCR {read[i]} digest is {digests[i].Length} bytes, {bank} has {digestSize}");
                        values[read[i]] = digests[i];
                    }
                }
                if (consistent) return values;
            }
            throw new InvalidOperationException("PCR_Read: the PCRs kept changing during 5 attempts to read them as one set");
        }
    }

    private (uint UpdateCounter, List<int> Read, List<byte[]> Digests) PcrReadOnce(TpmAlgorithm bank, IReadOnlyList<int> pcrs)
    {
        using var selection = NativeStruct.Unmarshal(MuCodec.TpmlPcrSelection, PcrSelection.Encode(bank, pcrs), "the PCR selection");
        uint updateCounter = 0;
        void* selectionOut = null, values = null;
        try
        {
            TpmException.ThrowIfFailed(EsysNative.Esys_PCR_Read(Context, EsysHandles.None, EsysHandles.None, EsysHandles.None,
                selection.Pointer, &updateCounter, &selectionOut, &values), "Esys_PCR_Read");
            var read = PcrSelection.Decode(NativeStruct.Marshal(MuCodec.TpmlPcrSelection, selectionOut, "PCR_Read pcrSelectionOut"), bank);
            var reader = new TpmReader(NativeStruct.Marshal(MuCodec.TpmlDigest, values, "PCR_Read pcrValues"), "TPML_DIGEST");
            var count = reader.U32();
            if (count > 8) throw new TpmFormatException($"TPML_DIGEST: {count} digests, at most 8 exist");
            var digests = new List<byte[]>();
            for (var i = 0; i < count; i++) digests.Add(reader.Sized().ToArray());
            reader.ExpectEnd();
            return (updateCounter, read, digests);
        }
        finally
        {
            EsysMemory.Free(selectionOut, values);
        }
    }

    /// <summary>TPM2_PCR_Extend of one bank of <paramref name="pcr"/> with <paramref name="digest"/> (empty PCR auth).</summary>
    public void PcrExtend(int pcr, TpmAlgorithm bank, ReadOnlySpan<byte> digest)
    {
        if (pcr is < 0 or > 23) throw new ArgumentOutOfRangeException(nameof(pcr), pcr, "PCR index must be 0-23");
        if (digest.Length != bank.DigestSize())
            throw new ArgumentException($"a {bank} digest is {bank.DigestSize()} bytes, got {digest.Length}", nameof(digest));
        // TPML_DIGEST_VALUES: count, then TPMT_HA (hashAlg, digest of the algorithm's size).
        var wire = new TpmWriter().U32(1).U16((ushort)bank).Bytes(digest).ToArray();
        using var digests = NativeStruct.Unmarshal(MuCodec.TpmlDigestValues, wire, "the PCR extend digest");
        lock (_lock)
        {
            TpmException.ThrowIfFailed(EsysNative.Esys_PCR_Extend(Context, EsysHandles.Pcr0 + (uint)pcr,
                EsysHandles.Password, EsysHandles.None, EsysHandles.None, digests.Pointer), $"Esys_PCR_Extend(PCR {pcr})");
        }
    }
}
