namespace GeoEdge.Wire.Tpm2;

/// <summary>TPML_PCR_SELECTION (Part 2, 10.9.7): a UINT32 count then that many bank selections.</summary>
public sealed class PcrSelection
{
    /// <summary>HASH_COUNT bound: no TPM has more banks than this, so a larger count is malformed.</summary>
    public const int MaxBanks = 16;

    public IReadOnlyList<PcrBankSelection> Banks { get; }

    public PcrSelection(IEnumerable<PcrBankSelection> banks)
    {
        var list = banks.ToArray();
        if (list.Length > MaxBanks)
            throw new ArgumentException($"at most {MaxBanks} banks fit a TPML_PCR_SELECTION, got {list.Length}", nameof(banks));
        Banks = list;
    }

    /// <summary>One bank with the given PCRs, the common case (e.g. SHA-256 PCRs 0-7 and 10).</summary>
    public PcrSelection(TpmAlgId bank, IEnumerable<int> indices, int sizeOfSelect = PcrBankSelection.DefaultSizeOfSelect)
        : this([new PcrBankSelection(bank, indices, sizeOfSelect)])
    {
    }

    /// <summary>
    /// The selected PCRs in the order the TPM concatenates them for a quote's pcrDigest: banks in the
    /// order this list gives them, and within a bank ascending PCR index.
    /// </summary>
    public IEnumerable<(TpmAlgId Bank, int Index)> SelectedInOrder()
    {
        foreach (var bank in Banks)
            foreach (var index in bank.Indices)
                yield return (bank.Hash, index);
    }

    public static PcrSelection Parse(ReadOnlySpan<byte> data)
    {
        var reader = new TpmReader(data, "TPML_PCR_SELECTION");
        var selection = Read(ref reader);
        reader.EnsureEnd();
        return selection;
    }

    public byte[] Encode()
    {
        var writer = new TpmWriter(8 + Banks.Count * 8);
        WriteTo(writer);
        return writer.ToArray();
    }

    public void WriteTo(TpmWriter writer)
    {
        writer.U32((uint)Banks.Count);
        foreach (var bank in Banks) bank.WriteTo(writer);
    }

    internal static PcrSelection Read(ref TpmReader reader)
    {
        var outer = reader.Structure;
        reader.Structure = "TPML_PCR_SELECTION";
        var count = reader.U32("count");
        if (count > MaxBanks)
            throw reader.Fail("count", $"{count} banks exceeds the maximum {MaxBanks}");
        var banks = new PcrBankSelection[count];
        for (var i = 0; i < banks.Length; i++)
            banks[i] = PcrBankSelection.Read(ref reader, $"pcrSelections[{i}]");
        reader.Structure = outer;
        return new PcrSelection(banks);
    }
}
